package dev.palisade.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A recorded event keeps the stored JSON text and parses it on demand, numbers exactly as stored. */
class RecordedEventTest {

    private static final UUID ID = UUID.fromString("0b7f6c5e-8d55-4a6a-9a3e-0f1d2c3b4a59");
    private static final JsonNodeFactory EXACT = JsonNodeFactory.withExactBigDecimals(true);
    private static final Instant AT = Instant.parse("2026-12-02T09:30:00.123456Z");

    @Test
    void storedTextIsParsedOnDemandWithExactNumbers() {
        RecordedEvent e = stored("{\"big\": 123456789012345678901234567890, \"price\": 12.50, \"tiny\": 0.0000001, "
                + "\"s\": \"a, b: c\", \"nested\": {\"empty\": {}}}", "{}");
        assertEquals("{\"big\": 123456789012345678901234567890, \"price\": 12.50, \"tiny\": 0.0000001, "
                + "\"s\": \"a, b: c\", \"nested\": {\"empty\": {}}}", e.dataJson(), "the stored text, untouched");
        JsonNode data = e.data();
        assertEquals(new BigInteger("123456789012345678901234567890"), data.get("big").bigIntegerValue());
        assertEquals(new BigDecimal("12.50"), data.get("price").decimalValue(), "scale kept: not rounded via double");
        assertEquals(new BigDecimal("0.0000001"), data.get("tiny").decimalValue());
        assertEquals("a, b: c", data.get("s").textValue());
        assertSame(data, e.data(), "parsed once");
        assertEquals(JsonNodeFactory.instance.objectNode(), e.metadata());
    }

    @Test
    void anEventMadeOfTreesHasItsText() {
        ObjectNode data = EXACT.objectNode().put("n", 1).put("d", new BigDecimal("2.50"));
        RecordedEvent e = new RecordedEvent(1, StreamId.of("s"), 1, ID, "A", data,
                JsonNodeFactory.instance.objectNode(), AT);
        assertEquals("{\"n\":1,\"d\":2.50}", e.dataJson());
        assertEquals("{}", e.metadataJson());
        assertSame(data, e.data());
    }

    @Test
    void eventsAreEqualByValueWhicheverFormTheirJsonHas() {
        RecordedEvent text = stored("{\"n\": 1, \"d\": 2.50}", "{}");
        RecordedEvent tree = new RecordedEvent(7, StreamId.of("s"), 3, ID, "A",
                EXACT.objectNode().put("n", 1).put("d", new BigDecimal("2.50")),
                JsonNodeFactory.instance.objectNode(), AT);
        assertEquals(text, tree);
        assertEquals(text.hashCode(), tree.hashCode());
        assertNotEquals(text, stored("{\"n\": 2, \"d\": 2.50}", "{}"));
        assertNotEquals(text, stored("{\"n\": 1, \"d\": 2.50}", "{\"m\": 1}"));
    }

    private static RecordedEvent stored(String data, String metadata) {
        return RecordedEvent.stored(7, StreamId.of("s"), 3, ID, "A", data, metadata, AT);
    }
}
