package dev.palisade.query;

import java.util.List;

/**
 * A field name resolved against a {@link Catalog}: a typed {@link Field}, or a path into a JSON column
 * ({@code data.customer.country}: column {@code data}, path {@code [customer, country]}).
 */
record Target(String name, Field field, String jsonColumn, List<String> path) {

    boolean isJson() {
        return field == null;
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
