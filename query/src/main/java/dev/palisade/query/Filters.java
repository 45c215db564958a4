package dev.palisade.query;

import java.util.Arrays;
import java.util.List;

/**
 * Factories for {@link Filter}s, for embedders who query from Java:
 *
 * <pre>{@code
 * Filter f = Filters.and(Filters.startsWith("slug", "acme"), Filters.not(Filters.eq("name", "Old")));
 * }</pre>
 */
public final class Filters {

    private Filters() {
    }

    public static Filter eq(String field, Object value) {
        return condition(field, Op.EQUALS, value);
    }

    /** Equal ignoring case. */
    public static Filter eqIgnoreCase(String field, String value) {
        return new Filter.Condition(field, Op.EQUALS, java.util.Collections.singletonList(value), true);
    }

    public static Filter ne(String field, Object value) {
        return condition(field, Op.NOT, value);
    }

    public static Filter in(String field, Object... values) {
        return new Filter.Condition(field, Op.IN, Arrays.asList(values), false);
    }

    public static Filter notIn(String field, Object... values) {
        return new Filter.Condition(field, Op.NOT_IN, Arrays.asList(values), false);
    }

    public static Filter lt(String field, Object value) {
        return condition(field, Op.LT, value);
    }

    public static Filter lte(String field, Object value) {
        return condition(field, Op.LTE, value);
    }

    public static Filter gt(String field, Object value) {
        return condition(field, Op.GT, value);
    }

    public static Filter gte(String field, Object value) {
        return condition(field, Op.GTE, value);
    }

    /** Between {@code low} and {@code high}, both included. */
    public static Filter range(String field, Object low, Object high) {
        return new Filter.Condition(field, Op.RANGE, Arrays.asList(low, high), false);
    }

    public static Filter contains(String field, String text) {
        return condition(field, Op.CONTAINS, text);
    }

    public static Filter startsWith(String field, String text) {
        return condition(field, Op.STARTS_WITH, text);
    }

    public static Filter endsWith(String field, String text) {
        return condition(field, Op.ENDS_WITH, text);
    }

    public static Filter isNull(String field, boolean isNull) {
        return condition(field, Op.IS_NULL, isNull);
    }

    public static Filter and(Filter... filters) {
        return new Filter.And(List.of(filters));
    }

    public static Filter or(Filter... filters) {
        return new Filter.Or(List.of(filters));
    }

    public static Filter not(Filter filter) {
        return new Filter.Not(filter);
    }

    private static Filter condition(String field, Op op, Object value) {
        return new Filter.Condition(field, op, java.util.Collections.singletonList(value), false);
    }
}
