package dev.palisade.query;

import java.util.Objects;

/** One key of an ordering: a field, ascending or descending. {@code -createdAt} parses as descending. */
public record Order(String field, boolean descending) {

    public Order {
        Objects.requireNonNull(field, "field");
    }

    public static Order asc(String field) {
        return new Order(field, false);
    }

    public static Order desc(String field) {
        return new Order(field, true);
    }

    /** {@code name} or {@code -name}. */
    public static Order parse(String text) {
        String t = text.strip();
        return t.startsWith("-") ? desc(t.substring(1).strip()) : asc(t.startsWith("+") ? t.substring(1).strip() : t);
    }
}
