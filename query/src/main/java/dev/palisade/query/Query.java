package dev.palisade.query;

import java.util.List;
import java.util.Objects;

/**
 * A question asked of one collection: a filter, an ordering, a page ({@code limit} rows after an opaque
 * {@code cursor}), whether to {@code count} all matches, which fields to {@code select}, and optionally groups with
 * aggregates and a {@code having} filter. The tenant is never part of it: the caller's {@link Scope} is ANDed outside.
 *
 * <pre>{@code
 * Query q = Query.where(Filters.startsWith("slug", "acme")).orderBy(Order.desc("createdAt")).limit(20);
 * }</pre>
 *
 * @param where the filter; {@link Filter#all()} for none
 * @param orderBy the ordering; empty for the collection's default; the collection's key always ends it (ties)
 * @param limit rows per page, 1 to {@value #MAX_LIMIT}
 * @param cursor the {@code next} of the previous page, or {@code null} for the first
 * @param count whether to count every match ({@code total})
 * @param select the fields to return; empty for all
 * @param groupBy fields to group by; with {@code aggregates} this is a group query
 * @param aggregates the aggregates of each group
 * @param having a filter on aggregates ({@code _count}, {@code _sum.amount}); {@link Filter#all()} for none
 */
public record Query(Filter where, List<Order> orderBy, int limit, String cursor, boolean count, List<String> select,
        List<String> groupBy, List<Aggregate> aggregates, Filter having) {

    /** Rows per page when none is asked for. */
    public static final int DEFAULT_LIMIT = 50;
    /** The most rows (or groups) one page may hold. */
    public static final int MAX_LIMIT = 1000;
    /** How deep {@code AND}, {@code OR} and {@code NOT} may nest. */
    public static final int MAX_DEPTH = 10;
    /** How many conditions one filter may hold (the values of an {@code in} count as one). */
    public static final int MAX_CLAUSES = 100;
    /** How many values one {@code in} or {@code notIn} may list. */
    public static final int MAX_IN_VALUES = 1000;

    public Query {
        Objects.requireNonNull(where, "where");
        Objects.requireNonNull(having, "having");
        orderBy = List.copyOf(orderBy);
        select = List.copyOf(select);
        groupBy = List.copyOf(groupBy);
        aggregates = List.copyOf(aggregates);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw QueryException.invalid("limit", "must be between 1 and " + MAX_LIMIT + "; found " + limit + ".");
        }
    }

    /** Every row, in the collection's default order, the first page. */
    public static Query all() {
        return new Query(Filter.all(), List.of(), DEFAULT_LIMIT, null, false, List.of(), List.of(), List.of(),
                Filter.all());
    }

    public static Query where(Filter where) {
        return all().and(where);
    }

    /** This query with {@code filter} ANDed to its filter. */
    public Query and(Filter filter) {
        Filter combined = where instanceof Filter.And a && a.all().isEmpty() ? filter : Filters.and(where, filter);
        return new Query(combined, orderBy, limit, cursor, count, select, groupBy, aggregates, having);
    }

    public Query orderBy(Order... keys) {
        return new Query(where, List.of(keys), limit, cursor, count, select, groupBy, aggregates, having);
    }

    public Query orderBy(List<Order> keys) {
        return new Query(where, keys, limit, cursor, count, select, groupBy, aggregates, having);
    }

    public Query limit(int limit) {
        return new Query(where, orderBy, limit, cursor, count, select, groupBy, aggregates, having);
    }

    /** The page after the one whose {@code next} was {@code cursor}. */
    public Query after(String cursor) {
        return new Query(where, orderBy, limit, cursor, count, select, groupBy, aggregates, having);
    }

    public Query counted(boolean count) {
        return new Query(where, orderBy, limit, cursor, count, select, groupBy, aggregates, having);
    }

    public Query select(List<String> fields) {
        return new Query(where, orderBy, limit, cursor, count, fields, groupBy, aggregates, having);
    }

    /** A group query: one row per distinct {@code fields}, with {@code aggregates}, filtered by {@code having}. */
    public Query groupBy(List<String> fields, List<Aggregate> aggregates, Filter having) {
        return new Query(where, orderBy, limit, cursor, count, select, fields, aggregates, having);
    }

    /** Whether this is a group query. */
    public boolean grouped() {
        return !groupBy.isEmpty() || !aggregates.isEmpty();
    }
}
