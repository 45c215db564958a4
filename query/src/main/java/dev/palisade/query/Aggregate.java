package dev.palisade.query;

import java.util.Objects;

/**
 * An aggregate of a group: {@code _count} of rows, or {@code _sum}, {@code _avg}, {@code _min}, {@code _max} of a
 * numeric field. Its output name is {@code _count} or {@code _sum.amount}; {@code having} filters on those names.
 */
public record Aggregate(Fn fn, String field) {

    /** The aggregate functions; {@code COUNT} alone takes no field. */
    public enum Fn {
        COUNT("_count"), SUM("_sum"), AVG("_avg"), MIN("_min"), MAX("_max");

        private final String label;

        Fn(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** The function named {@code _sum}, {@code _count}...; {@code null} when there is none. */
        public static Fn of(String label) {
            for (Fn fn : values()) {
                if (fn.label.equals(label)) {
                    return fn;
                }
            }
            return null;
        }
    }

    public Aggregate {
        Objects.requireNonNull(fn, "fn");
        if ((fn == Fn.COUNT) != (field == null)) {
            throw new IllegalArgumentException(fn == Fn.COUNT ? "_count takes no field" : fn.label + " needs a field");
        }
    }

    public static Aggregate count() {
        return new Aggregate(Fn.COUNT, null);
    }

    public static Aggregate of(Fn fn, String field) {
        return new Aggregate(fn, field);
    }

    /** {@code _count}, or {@code _sum.amount}. */
    public String name() {
        return field == null ? fn.label : fn.label + "." + field;
    }
}
