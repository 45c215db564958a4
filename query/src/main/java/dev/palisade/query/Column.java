package dev.palisade.query;

/** An output column of a compiled query: its label in the row, and how its value reads back. */
record Column(String label, FieldType type) {

    /** A typed column's Java value, or a JSON column's (text) as {@link JsonText}, parsed only when asked. */
    Object read(Object value) {
        if (type != null) {
            return type.read(value);
        }
        return value == null ? null : JsonText.of(value.toString());
    }
}
