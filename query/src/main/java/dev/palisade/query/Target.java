package dev.palisade.query;

import java.util.List;

/**
 * A field name resolved against a {@link Catalog}: a typed {@link Field}, a path into a JSON column
 * ({@code data.customer.country}: column {@code data}, path {@code [customer, country]}), or both: a path an expression
 * index serves, whose {@code field} is that typed expression.
 */
record Target(String name, Field field, String jsonColumn, List<String> path) {

    /** Whether this is a path into a JSON column (typed or not): its value reads back as JSON. */
    boolean isJson() {
        return jsonColumn != null;
    }

    /** Whether filters and orderings go through a typed expression: a typed field, or a path an index serves. */
    boolean isTyped() {
        return field != null;
    }

    /** {@code col #> '{a,b}'} (jsonb) for a path; the column itself for a typed field. */
    String jsonb() {
        return path.isEmpty() ? jsonColumn : "(" + jsonColumn + " #> '" + literalPath() + "')";
    }

    /** {@code col #>> '{a,b}'} (text). */
    String text() {
        return "(" + jsonColumn + " #>> '" + literalPath() + "')";
    }

    /** The path as a text-array literal. Segments are checked by {@link Catalog} (letters, digits, _ and -). */
    private String literalPath() {
        return "{" + String.join(",", path) + "}";
    }
}
