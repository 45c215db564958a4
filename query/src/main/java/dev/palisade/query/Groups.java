package dev.palisade.query;

import java.util.List;
import java.util.Map;

/**
 * The groups of a group query: each maps the group's fields and its aggregates ({@code _count},
 * {@code _sum.amount}) to values. {@code truncated} says more groups matched than the query's limit.
 */
public record Groups(List<Map<String, Object>> groups, boolean truncated) {

    public Groups {
        groups = List.copyOf(groups);
    }
}
