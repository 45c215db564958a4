package dev.palisade.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.palisade.query.JsonText;

/**
 * A JSON value of a recorded event, held as the text PostgreSQL returned and parsed only when someone asks for the
 * tree (the text side is a {@link JsonText}; this also holds a tree given by a caller, written to text on demand). Reads
 * pass most events on without looking inside them (the REST API writes the text through), so parsing each one up front
 * was most of a large read's work and garbage.
 */
final class StoredJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private volatile JsonText text;
    private volatile JsonNode tree;

    private StoredJson(JsonText text, JsonNode tree) {
        this.text = text;
        this.tree = tree;
    }

    static StoredJson ofText(String text) {
        if (text == null) {
            throw new IllegalArgumentException("a stored JSON value is never null");
        }
        return new StoredJson(JsonText.of(text), null);
    }

    static StoredJson ofTree(JsonNode tree) {
        if (tree == null) {
            throw new IllegalArgumentException("a stored JSON value is never null");
        }
        return new StoredJson(null, tree);
    }

    String text() {
        JsonText t = text;
        if (t == null) {
            try {
                t = JsonText.of(JSON.writeValueAsString(tree));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("a JSON tree could not be written", e);
            }
            text = t;
        }
        return t.text();
    }

    /** The tree, parsed on first use (decimals exact); the same tree afterwards. */
    JsonNode tree() {
        JsonNode t = tree;
        if (t == null) {
            t = text.tree();
            tree = t;
        }
        return t;
    }
}
