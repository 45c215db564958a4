package dev.palisade.query;

import com.fasterxml.jackson.databind.ObjectMapper;

/** An output column of a compiled query: its label in the row, and how its value reads back. */
record Column(String label, FieldType type) {

    // Numbers come back exactly as they were stored: no rounding through double.
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(com.fasterxml.jackson.databind.node.JsonNodeFactory.withExactBigDecimals(true));

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
