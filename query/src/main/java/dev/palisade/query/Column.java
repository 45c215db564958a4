package dev.palisade.query;

import com.fasterxml.jackson.databind.ObjectMapper;

/** An output column of a compiled query: its label in the row, and how its value reads back. */
record Column(String label, FieldType type) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A typed column's Java value, or a JSON column's (text) as a {@code JsonNode}. */
    Object read(Object value) {
        if (type != null) {
            return type.read(value);
        }
        if (value == null) {
            return null;
        }
        try {
            return JSON.readTree(value.toString());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("PostgreSQL returned jsonb that is not JSON", e);
        }
    }
}
