package dev.palisade.query;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * A JSON value of a query's row (a document's {@code data}, a selected path, an event's {@code data}), held as the
 * text PostgreSQL returned: parsed into a tree only when someone asks for it ({@link #tree()}), and written to JSON as
 * that text, without PostgreSQL's spaces between tokens and never parsed. Parsing every row's JSON into trees and
 * writing the trees again was about half of a document query's request CPU (JFR of bench/run --only queries).
 * <p>
 * The text is what {@code jsonb} prints, so writing it through is exact: numbers keep their digits, keys their order.
 * Two values are equal when their trees are; {@link #toString()} is the compact JSON.
 */
public final class JsonText implements JsonSerializable {

    // Numbers come back exactly as they were stored: no rounding through double.
    private static final ObjectReader EXACT = new ObjectMapper().reader()
            .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).with(JsonNodeFactory.withExactBigDecimals(true));
    private static final int KEEP_BUFFER = 64 * 1024;
    private static final ThreadLocal<char[]> BUFFER = ThreadLocal.withInitial(() -> new char[512]);

    private final String text;
    private volatile JsonNode tree;

    private JsonText(String text) {
        this.text = text;
    }

    /** The JSON text of a {@code jsonb} value as PostgreSQL returned it. */
    public static JsonText of(String text) {
        if (text == null) {
            throw new IllegalArgumentException("a JSON value's text is never null; SQL NULL is Java null");
        }
        return new JsonText(text);
    }

    /** The text as PostgreSQL returned it. */
    public String text() {
        return text;
    }

    /** The tree, parsed on first use (decimals exact); the same tree afterwards. */
    public JsonNode tree() {
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

    @Override
    public void serialize(JsonGenerator gen, SerializerProvider serializers) throws IOException {
        write(gen, text);
    }

    @Override
    public void serializeWithType(JsonGenerator gen, SerializerProvider serializers, TypeSerializer typeSer)
            throws IOException {
        write(gen, text);
    }

    /** Writes stored JSON text as a value, without the spaces outside strings. */
    public static void write(JsonGenerator gen, String json) throws IOException {
        char[] buffer = BUFFER.get();
        char[] chars = buffer.length >= json.length() ? buffer : new char[json.length()];
        int length = compact(json, chars);
        gen.writeRawValue(chars, 0, length);
        if (chars != buffer && chars.length <= KEEP_BUFFER) {
            BUFFER.set(chars);
        }
    }

    /**
     * Copies {@code json} into {@code out} without whitespace outside strings (PostgreSQL prints {@code jsonb} as
     * {@code {"a": 1, "b": [2, 3]}}); returns the length. Inside a string everything is kept: whitespace there is
     * content, and a quote only ends the string when no backslash escapes it.
     */
    public static int compact(String json, char[] out) {
        int length = json.length();
        json.getChars(0, length, out, 0);
        int n = 0;
        boolean inString = false;
        for (int i = 0; i < length; i++) {
            char c = out[i];
            if (inString) {
                if (c == '\\') {
                    out[n++] = c;
                    c = out[++i];
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
                continue;
            }
            out[n++] = c;
        }
        return n;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof JsonText json && tree().equals(json.tree());
    }

    @Override
    public int hashCode() {
        return tree().hashCode();
    }

    /** The JSON without the spaces between tokens, as a tree's {@code toString()} reads. */
    @Override
    public String toString() {
        char[] out = new char[text.length()];
        return new String(out, 0, compact(text, out));
    }
}
