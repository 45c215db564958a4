package dev.palisade.query;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A filter over a collection's fields: a condition on one field, or {@code AND}, {@code OR} and {@code NOT} of
 * filters. Build them with {@link Filters}; the REST layer parses them with {@link WhereParser} and {@link Lookups}.
 * <p>
 * Values are plain Java values ({@code String}, {@code Number}, {@code Boolean}, {@code Instant},
 * {@code OffsetDateTime}, {@code UUID}); each is checked against the field's type and always bound as a parameter.
 */
public sealed interface Filter {

    /** Every filter must hold; an empty {@code AND} matches everything. */
    record And(List<Filter> all) implements Filter {
        public And {
            all = List.copyOf(all);
        }
    }

    /** At least one filter must hold; an empty {@code OR} matches nothing. */
    record Or(List<Filter> any) implements Filter {
        public Or {
            any = List.copyOf(any);
        }
    }

    /** The filter must not hold. */
    record Not(Filter filter) implements Filter {
        public Not {
            Objects.requireNonNull(filter, "filter");
        }
    }

    /**
     * {@code field op values}: one value for most operators, a list for {@code in}, {@code notIn} and {@code range}
     * (two values, inclusive), a {@code Boolean} for {@code isNull}. {@code insensitive} compares text ignoring case.
     */
    record Condition(String field, Op op, List<Object> values, boolean insensitive) implements Filter {
        public Condition {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(op, "op");
            // List.copyOf refuses nulls; a null value (equals null) is meaningful.
            values = Collections.unmodifiableList(new ArrayList<>(values));
        }

        /** The single value of a one-value operator. */
        public Object value() {
            return values.isEmpty() ? null : values.get(0);
        }
    }

    /** Matches every row. */
    static Filter all() {
        return new And(List.of());
    }
}
