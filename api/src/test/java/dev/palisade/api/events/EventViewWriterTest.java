package dev.palisade.api.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import dev.palisade.api.events.EventViews.EventView;
import dev.palisade.api.json.Instants;
import dev.palisade.api.json.IsoInstant;

/**
 * {@link EventViewWriter} writes an event exactly as Jackson wrote the former view (a record with JSON trees and an
 * {@link Instant}), byte for byte: same fields, order, number spelling, escapes and time format. Two differences are
 * deliberate, the stored text's spelling kept where Jackson had its own: a control character's escape has lowercase hex
 * ({@code \u001f}, PostgreSQL's; Jackson wrote {@code \u001F}), and a decimal below 0.001 keeps its digits
 * ({@code 0.0000001}; Jackson wrote {@code 1E-7}). Both mean the same JSON ({@code EventJsonFidelityTest} compares
 * the values); the first is normalised here, the second left out.
 */
class EventViewWriterTest {

    /** The view as it was before the stored JSON was written through: Jackson's default rendering of a record. */
    record TreeView(long position, String streamId, long version, UUID eventId, String type, JsonNode data,
            JsonNode metadata, Instant recordedAt) {
    }

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

    /** JSON as PostgreSQL prints jsonb: a space after every ':' and ',' between tokens. */
    private static final List<String> STORED = List.of("{}", "{\"n\": 1}",
            "{\"a\": {\"b\": [1, 2.50, -3.0E+400, {}, []], \"c\": null}, \"t\": true, \"f\": false}",
            "{\"s\": \"  a, b: c  {x} [y] \\\" \\\\ \\n\\t\\r \\u0001 \\u001f\", \"ü ключ\": \"日本語 😀 \u2028\"}",
            "{\"big\": 123456789012345678901234567890, \"neg\": -0.5, \"small\": 0.001}",
            "{\"\\\"q\\\" k\": \"\\\\\", \"e\": \"\"}");

    private static final Pattern UNICODE_ESCAPE = Pattern.compile("\\\\u([0-9A-F]{4})");

    @Test
    void writesWhatJacksonWroteForTheTreeView() throws Exception {
        Random random = new Random(7);
        for (int i = 0; i < 2_000; i++) {
            String data = STORED.get(i % STORED.size());
            String metadata = STORED.get((i / STORED.size()) % STORED.size());
            UUID id = new UUID(random.nextLong(), random.nextLong());
            Instant at = instant(random, i);
            EventView view = new EventView(random.nextInt(Integer.MAX_VALUE) * 7L, "stream-" + i + ":é@x", i + 1L, id,
                    "Type." + i, data, metadata, at);
            TreeView tree = new TreeView(view.position(), view.streamId(), view.version(), id, view.type(),
                    JSON.readTree(data), JSON.readTree(metadata), at);
            String before = UNICODE_ESCAPE.matcher(JSON.writeValueAsString(tree))
                    .replaceAll(m -> "\\\\u" + m.group(1).toLowerCase());
            assertEquals(before, JSON.writeValueAsString(view), "event " + i);
        }
    }

    @Test
    void formatsInstantsAsInstantToStringDoes() {
        char[] out = new char[64];
        Random random = new Random(11);
        for (int i = 0; i < 200_000; i++) {
            Instant at = instant(random, i);
            assertEquals(at.toString(), new String(out, 0, IsoInstant.format(at, out)));
        }
        for (String edge : List.of("1970-01-01T00:00:00Z", "1972-02-29T23:59:59.999999999Z", "2000-02-29T12:00:00Z",
                "2100-03-01T00:00:00.001Z", "2026-12-31T23:59:59.000001Z", "9999-12-31T23:59:59.999999999Z")) {
            Instant at = Instant.parse(edge);
            assertEquals(edge, new String(out, 0, IsoInstant.format(at, out)));
        }
    }

    @Test
    void formatsIdsAsUuidToStringDoes() {
        char[] out = new char[36];
        Random random = new Random(13);
        for (int i = 0; i < 100_000; i++) {
            UUID id = i == 0
                    ? new UUID(0, 0)
                    : i == 1 ? new UUID(-1, -1) : new UUID(random.nextLong(), random.nextLong());
            assertEquals(id.toString(), new String(out, 0, EventViewWriter.uuid(id, out)));
        }
    }

    /** 1970 to 9999, the years the writer formats itself. */
    private static Instant instant(Random random, int i) {
        return Instants.random(random, i, 0, 253_402_300_800L);
    }
}
