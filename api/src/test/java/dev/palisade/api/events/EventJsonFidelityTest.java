package dev.palisade.api.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import dev.palisade.api.support.SseStream;
import dev.palisade.api.support.TenantFixture;
import dev.palisade.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The stored JSON of events comes back as it was appended, on every read path (stream, feed, filtered feed,
 * server-sent events), now that reads write the stored text through instead of parsing it: unicode, escapes,
 * whitespace inside strings, numbers too big or too precise for a double, nesting, empty objects and arrays.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class EventJsonFidelityTest {

    private static final ObjectReader EXACT = new ObjectMapper().reader()
            .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).with(JsonNodeFactory.withExactBigDecimals(true));

    /** Equal JSON: numbers by value (PostgreSQL keeps a number's digits, not how it was spelled: 1e2 is 100). */
    private static final Comparator<JsonNode> SAME_VALUE = (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue());
        }
        return a.equals(b) ? 0 : 1;
    };

    /** Data of the appended events, as sent. */
    static final List<String> DATA = List.of(
            """
                    {"text": "héllo wörld — 日本語 😀 עברית ß", "escapes": "quote \\" backslash \\\\ slash \\/ newline \\n tab \\t \
                    cr \\r ctrl \\u0001 \\u001f ls \\u2028 ps \\u2029", "spaces": "  a, b: c  {x} [y] ,: ", "empty": "",
                     "key with spaces: and, commas": true, "\\"quoted\\" key": "\\\\", "ünïcödé ключ": "значение"}""",
            """
                    {"big":123456789012345678901234567890123456789,"negative":-98765432109876543210.0123456789012345,
                     "tiny":0.000000000000000000000000000001,"exponent":1.5e300,"negativeExponent":-2E-20,"trailingZero":12.50,
                     "zero":0,"negativeZero":-0.0,"int":42,"beyondDouble":9007199254740993,"long":-9223372036854775809}""",
            """
                    {"a":{"b":{"c":[1,[2,[3,{"d":null}]],{},[]]}},"emptyObject":{},"emptyArray":[],"flags":[true,false,null],
                     "deep":{"x":{"y":{"z":{"w":{"v":"end"}}}}},"list":[{"k":1},{"k":"1"},{"k":[1.0]}]}""",
            """
                    {}""");
    /** Metadata of the same events; the last has none and reads as {}. */
    static final List<String> METADATA = List.of("""
            {"correlationId": "c-1", "nested": {"ü": "ß", "n": 1.10}}""", """
            {"amount":99999999999999999999.99999999999999999999}""", """
            {"empty":{},"list":[]}""");

    @TestHTTPResource("/events/subscribe")
    URL subscribe;

    @Test
    void everyReadPathReturnsTheStoredJsonAsAppended() throws Exception {
        TenantFixture t = TenantFixture.create("rd-json");
        appendOneByOne(t, "other", 2);
        StringBuilder body = new StringBuilder("{\"events\":[");
        for (int i = 0; i < DATA.size(); i++) {
            body.append(i == 0 ? "" : ",").append("{\"type\":\"Json\",\"data\":").append(DATA.get(i));
            if (i < METADATA.size()) {
                body.append(",\"metadata\":").append(METADATA.get(i));
            }
            body.append('}');
        }
        t.request().contentType("application/json; charset=UTF-8")
                .body(body.append("]}").toString().getBytes(StandardCharsets.UTF_8)).post("/streams/json-1/events")
                .then().statusCode(201);
        appendOneByOne(t, "other", 1);

        assertAsAppended("stream read", events(t, "/streams/json-1/events"), 0, DATA.size());
        assertAsAppended("stream read from version 2", events(t, "/streams/json-1/events?fromVersion=2&limit=2"), 1,
                2);
        assertAsAppended("feed", only("json-1", events(t, "/events")), 0, DATA.size());
        assertAsAppended("feed of one type", events(t, "/events?type=Json"), 0, DATA.size());
        assertAsAppended("filtered feed", filteredFeed(t, "streamId=json-1"), 0, DATA.size());

        List<JsonNode> streamed = new ArrayList<>();
        try (SseStream sse = SseStream.open(URI.create(subscribe + "?type=Json"), "X-Tenant-ID", t.id(),
                "Authorization", "Bearer " + t.apiKey())) {
            assertEquals(200, sse.status());
            for (int i = 0; i < DATA.size(); i++) {
                SseStream.Frame frame = sse.nextEvent(Duration.ofSeconds(10));
                assertTrue(!frame.data().contains("\n"), "one data line per event: " + frame.data());
                streamed.add(EXACT.readTree(frame.data()));
            }
        }
        assertAsAppended("server-sent events", streamed, 0, DATA.size());
    }

    private static void appendOneByOne(TenantFixture t, String stream, int count) {
        for (int i = 0; i < count; i++) {
            t.postJson("/streams/" + stream + "/events", "{\"events\":[{\"type\":\"Other\",\"data\":{\"i\":" + i
                    + "}}]}").statusCode(201);
        }
    }

    private static List<JsonNode> events(TenantFixture t, String path) throws Exception {
        byte[] response = t.request().get(path).then().statusCode(200).extract().asByteArray();
        List<JsonNode> events = new ArrayList<>();
        EXACT.readTree(response).get("events").forEach(events::add);
        return events;
    }

    /** Every page of a filtered feed (a page examines a bounded window of events: 5 in tests). */
    private static List<JsonNode> filteredFeed(TenantFixture t, String filter) throws Exception {
        List<JsonNode> events = new ArrayList<>();
        JsonNode page = null;
        do {
            String after = page == null ? "0" : page.get("next").asText();
            page = EXACT.readTree(t.request().get("/events?after=" + after + "&" + filter).then().statusCode(200)
                    .extract().asByteArray());
            page.get("events").forEach(events::add);
        } while (page.hasNonNull("next"));
        return events;
    }

    private static List<JsonNode> only(String stream, List<JsonNode> events) {
        return events.stream().filter(e -> e.get("streamId").asText().equals(stream)).toList();
    }

    /** {@code events} are the appended events from index {@code first} on, {@code count} of them. */
    private static void assertAsAppended(String path, List<JsonNode> events, int first, int count) throws Exception {
        assertEquals(count, events.size(), path + ": " + events);
        for (int k = 0; k < events.size(); k++) {
            int i = first + k;
            JsonNode event = events.get(k);
            assertEquals(i + 1, event.get("version").asInt(), path);
            JsonNode sent = EXACT.readTree(DATA.get(i));
            assertTrue(sent.equals(SAME_VALUE, event.get("data")), path + ", event " + (i + 1) + ": data "
                    + event.get("data") + " is not " + sent);
            JsonNode sentMetadata = EXACT.readTree(i < METADATA.size() ? METADATA.get(i) : "{}");
            assertTrue(sentMetadata.equals(SAME_VALUE, event.get("metadata")), path + ", event " + (i + 1)
                    + ": metadata " + event.get("metadata") + " is not " + sentMetadata);
        }
    }
}
