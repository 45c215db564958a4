package dev.palisade.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * A row's JSON written through as text reads as its tree written by Jackson: spaces between tokens dropped, spaces,
 * quotes and backslashes inside strings kept, numbers as stored. The two deliberate differences from Jackson's
 * rendering are those of the event views ({@code EventViewWriterTest}): lowercase hex in a control character's
 * escape, and a decimal below 0.001 in its stored digits rather than Jackson's exponent.
 */
class JsonTextTest {

    private static final ObjectMapper EXACT = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

    /** As PostgreSQL prints jsonb: a space after every colon and comma. */
    private static final List<String> STORED = List.of(
            "{\"a\": 1, \"b\": [2, 3.10, -0.5], \"c\": {\"d\": null}}",
            "{\"text\": \"two  spaces, a comma: and \\\"quotes\\\" \\\\ \\n \\t \\u0001\"}", "[]", "{}", "\"plain\"",
            "123456789012345678901234567890.000000000000000000001", "true", "null",
            "{\"ünï\": \"cödé 😀\", \"k\": \" \\\\\\\" \"}");

    @Test
    void writesTheTextAsJacksonWritesTheTree() throws Exception {
        for (String stored : STORED) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", "x");
            row.put("data", JsonText.of(stored));
            Map<String, Object> parsed = new LinkedHashMap<>();
            parsed.put("id", "x");
            parsed.put("data", EXACT.readTree(stored));
            assertEquals(EXACT.writeValueAsString(parsed), EXACT.writeValueAsString(row), stored);
            assertEquals(EXACT.readTree(stored).toString(), JsonText.of(stored).toString(), stored);
        }
    }

    @Test
    void parsesOnceWhenAskedAndComparesByTree() {
        JsonText text = JsonText.of("{\"a\": 1.10, \"b\": [1, 2]}");
        assertSame(text.tree(), text.tree());
        assertEquals("1.10", text.tree().get("a").decimalValue().toPlainString(), "decimals exact");
        assertEquals(JsonText.of("{\"a\":1.10,\"b\":[1,2]}"), text);
        assertEquals(JsonText.of("{\"a\":1.10,\"b\":[1,2]}").hashCode(), text.hashCode());
        assertNotEquals(JsonText.of("{\"a\": 1.10, \"b\": [2, 1]}"), text);
        assertEquals("{\"a\": 1.10, \"b\": [1, 2]}", text.text());
        // Deliberate, as for events: a decimal below 0.001 keeps its stored digits (Jackson wrote 4.5E-7).
        assertEquals("[0.00000045]", JsonText.of("[0.00000045]").toString());
    }
}
