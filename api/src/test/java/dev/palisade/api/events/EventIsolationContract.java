package dev.palisade.api.events;

import static dev.palisade.api.events.EventAppendResourceTest.event;
import static dev.palisade.api.support.Problems.problem;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.palisade.testing.TestSql;
import dev.palisade.api.support.SseStream;
import dev.palisade.api.support.TenantFixture;
import io.quarkus.test.common.http.TestHTTPResource;

/**
 * Event isolation as one contract, run with every wall up ({@link EventIsolationTest}) and with row-level security
 * off ({@link EventIsolationWithoutRowLevelSecurityTest}), where the store's own tenant predicates must hold alone.
 * Tenant B owns events; tenant A tries every event endpoint on the same names and ids. A must see nothing of B, and
 * B's rows must be unchanged afterwards.
 */
abstract class EventIsolationContract {

    @TestHTTPResource("/events/subscribe")
    URL subscribe;

    record World(TenantFixture a, TenantFixture b, UUID bEventId) {
    }

    World world() {
        TenantFixture a = TenantFixture.create("evi-a");
        TenantFixture b = TenantFixture.create("evi-b");
        UUID id = UUID.randomUUID();
        b.postJson("/streams/shared/events", "{\"events\":[" + event(id, "Secret", "{\"owner\":\"b\"}") + ","
                + event("Secret", "{\"n\":2}") + "]}").statusCode(201);
        return new World(a, b, id);
    }

    @Test
    void otherTenantsStreamIsNotFoundAndItsFeedInvisible() {
        World w = world();
        String before = snapshotOf(w.b());
        problem(w.a().request().get("/streams/shared/events").then(), 404, "not-found");
        w.a().request().get("/events").then().statusCode(200).body("events.size()", equalTo(0));
        w.a().request().get("/events?type=Secret&after=0").then().body("events.size()", equalTo(0));
        problem(w.a().postJson("/streams/shared/events", "{\"expectedVersion\":\"exists\",\"events\":["
                + event("A", "{}") + "]}"), 409, "version-conflict").body("currentVersion", equalTo(0));
        w.a().postJson("/streams/shared/events", "{\"expectedVersion\":\"no_stream\",\"events\":[" + event("A", "{}")
                + "]}").statusCode(201).body("fromVersion", equalTo(1)).body("positions[0]", equalTo(1));
        w.a().request().get("/streams/shared/events").then().body("events.type", equalTo(List.of("A")));
        assertEquals(before, snapshotOf(w.b()), "tenant B's events must be unchanged");
    }

    @Test
    void sameEventIdInTwoTenantsIsIndependent() {
        World w = world();
        String before = snapshotOf(w.b());
        String mine = "{\"events\":[" + event(w.bEventId(), "Mine", "{\"owner\":\"a\"}") + "]}";
        w.a().postJson("/streams/shared/events", mine).statusCode(201).body("positions[0]", equalTo(1));
        w.a().postJson("/streams/shared/events", mine).statusCode(200).body("positions[0]", equalTo(1));
        String copyOfTheirs = "{\"events\":[" + event(w.bEventId(), "Secret", "{\"owner\":\"b\"}") + "]}";
        problem(w.a().postJson("/streams/shared/events", copyOfTheirs), 409, "conflict");
        w.a().request().get("/events").then().body("events.type", equalTo(List.of("Mine")));
        w.b().request().get("/streams/shared/events").then().body("events[0].type", equalTo("Secret"));
        assertEquals(before, snapshotOf(w.b()), "tenant B's events must be unchanged");
    }

    @Test
    void subscriptionNeverDeliversOtherTenantsEvents() throws Exception {
        World w = world();
        try (SseStream stream = SseStream.open(URI.create(subscribe + "?after=0"), "X-Tenant-ID", w.a().id(),
                "Authorization", "Bearer " + w.a().apiKey())) {
            assertEquals(200, stream.status());
            w.b().postJson("/streams/other/events", "{\"events\":[" + event("Secret", "{}") + "]}").statusCode(201);
            w.a().postJson("/streams/mine/events", "{\"events\":[" + event("Mine", "{}") + "]}").statusCode(201);
            SseStream.Frame only = stream.nextEvent(Duration.ofSeconds(5));
            assertEquals("1", only.id());
            assertEquals(true, only.data().contains("\"type\":\"Mine\""), only.data());
            assertEquals(List.of(), stream.eventsWithin(Duration.ofMillis(1500)), "nothing of tenant B follows");
        }
    }

    @Test
    void anotherTenantsKeyOpensNoEventEndpoint() throws Exception {
        World w = world();
        w.a().requestWithKeyOf(w.b()).get("/streams/shared/events").then().statusCode(401);
        w.a().requestWithKeyOf(w.b()).get("/events").then().statusCode(401);
        w.a().requestWithKeyOf(w.b()).contentType("application/json").body("{\"events\":[" + event("A", "{}") + "]}")
                .post("/streams/shared/events").then().statusCode(401);
        try (SseStream stream = SseStream.open(URI.create(subscribe.toString()), "X-Tenant-ID", w.a().id(),
                "Authorization", "Bearer " + w.b().apiKey())) {
            assertEquals(401, stream.status());
        }
    }

    /** A tenant's events and position counter, as text, compared before and after an attack. */
    static String snapshotOf(TenantFixture t) {
        return TestSql.count("SELECT count(*) FROM events WHERE tenant_id = ?", t.id()) + ":"
                + TestSql.count("SELECT coalesce(sum(hashtext(e::text)), 0) FROM events e WHERE tenant_id = ?", t.id())
                + ":" + TestSql.count("SELECT coalesce(max(last_position), 0) FROM event_positions WHERE tenant_id = ?",
                        t.id());
    }
}
