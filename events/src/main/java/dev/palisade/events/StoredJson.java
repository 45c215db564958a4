package dev.palisade.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * A JSON value of a recorded event, held as the text PostgreSQL returned and parsed only when someone asks for the
 * tree. Reads pass most events on without looking inside them (the REST API writes the text through), so parsing each
 * one up front was most of a large read's work and garbage.
 */
final class StoredJson {

    // Numbers come back exactly as they were stored: no rounding through double.
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectReader EXACT = JSON.reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .with(JsonNodeFactory.withExactBigDecimals(true));

    private volatile String text;
    private volatile JsonNode tree;

    private StoredJson(String text, JsonNode tree) {
        this.text = text;
        this.tree = tree;
    }

    static StoredJson ofText(String text) {
        if (text == null) {
            throw new IllegalArgumentException("a stored JSON value is never null");
        }
        return new StoredJson(text, null);
    }

    static StoredJson ofTree(JsonNode tree) {
        if (tree == null) {
            throw new IllegalArgumentException("a stored JSON value is never null");
        }
        return new StoredJson(null, tree);
    }

    String text() {
        String t = text;
        if (t == null) {
            try {
                t = JSON.writeValueAsString(tree);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("a JSON tree could not be written", e);
            }
            text = t;
        }
        return t;
    }

    /** The tree, parsed on first use; the same tree afterwards (a race may parse twice, harmlessly). */
    JsonNode tree() {
        JsonNode t = tree;
        if (t == null) {
            try {
                t = EXACT.readTree(text);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("PostgreSQL returned jsonb that is not JSON", e);
            }
            tree = t;
        }
        return t;
    }
}
