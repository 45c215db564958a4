package dev.palisade.events;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A read of the tenant's feed: events with a position after {@code after}, in position order, at most {@code limit}
 * of them, optionally only of some {@code types} and recorded in {@code [from, to)}. An empty {@code types} means all
 * types; a {@code null} bound means unbounded.
 *
 * <pre>{@code
 * FeedQuery.after(lastSeen).withTypes(Set.of("OrderPlaced")).withLimit(500);
 * }</pre>
 */
public record FeedQuery(long after, int limit, Set<String> types, Instant from, Instant to) {

    /** The page size when none is given. */
    public static final int DEFAULT_LIMIT = 100;

    public FeedQuery {
        if (after < 0) {
            throw new InvalidEventException("after", "must be a position of 0 or more; found " + after + ".");
        }
        if (limit < 1) {
            throw new InvalidEventException("limit", "must be 1 or more; found " + limit + ".");
        }
        types = types == null ? Set.of() : Set.copyOf(new LinkedHashSet<>(types));
        types.forEach(type -> NewEvent.requireType("type", type));
        if (from != null && to != null && !from.isBefore(to)) {
            throw new InvalidEventException("to", "must be after 'from' (" + from + "); found " + to + ".");
        }
    }

    /** Every event after {@code position}, a page of {@link #DEFAULT_LIMIT}. */
    public static FeedQuery after(long position) {
        return new FeedQuery(position, DEFAULT_LIMIT, Set.of(), null, null);
    }

    public FeedQuery withLimit(int limit) {
        return new FeedQuery(after, limit, types, from, to);
    }

    public FeedQuery withTypes(Set<String> types) {
        return new FeedQuery(after, limit, types, from, to);
    }

    /** Only events recorded at or after {@code from} and before {@code to}; either may be {@code null}. */
    public FeedQuery between(Instant from, Instant to) {
        return new FeedQuery(after, limit, types, from, to);
    }

    /** The same query, continuing after {@code position}. */
    public FeedQuery continuingAfter(long position) {
        return new FeedQuery(position, limit, types, from, to);
    }
}
