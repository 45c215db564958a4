package dev.palisade.api.events;

import static dev.palisade.api.events.EventAppendResourceTest.event;
import static dev.palisade.api.support.Problems.invalid;
import static dev.palisade.api.support.Problems.problem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.palisade.api.support.TenantFixture;
import dev.palisade.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** {@code GET /streams/{streamId}/events} and {@code GET /events}: paging, filters and parameter validation. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class EventReadResourceTest {

    @Test
    void streamPagesFromAVersionWithANextCursor() {
        TenantFixture t = TenantFixture.create("rd-stream");
        appendEach(t, "/streams/s/events", "A", 5);
        t.request().get("/streams/s/events?fromVersion=2&limit=2").then().statusCode(200)
                .body("events.version", equalTo(List.of(2, 3))).body("next", equalTo(4));
        t.request().get("/streams/s/events?fromVersion=4&limit=2").then()
                .body("events.version", equalTo(List.of(4, 5))).body("next", nullValue());
        t.request().get("/streams/s/events?fromVersion=9").then().statusCode(200).body("events.size()", equalTo(0));
        t.request().get("/streams/s/events").then()
                .body("events[0].position", equalTo(1)).body("events[0].streamId", equalTo("s"))
                .body("events[0].version", equalTo(1)).body("events[0].type", equalTo("A"))
                .body("events[0].data.n", equalTo(0)).body("events[0].eventId.length()", equalTo(36))
                .body("events[0].recordedAt", org.hamcrest.Matchers.endsWith("Z"));
    }

    @Test
    void unknownStreamIsNotFound() {
        TenantFixture t = TenantFixture.create("rd-missing");
        problem(t.request().get("/streams/nothing-here/events").then(), 404, "not-found");
    }

    @Test
    void feedPagesAfterAPositionWithANextCursor() {
        TenantFixture t = TenantFixture.create("rd-feed");
        appendEach(t, "/streams/a/events", "A", 3);
        appendEach(t, "/streams/b/events", "B", 3);
        t.request().get("/events?after=1&limit=3").then().statusCode(200)
                .body("events.position", equalTo(List.of(2, 3, 4))).body("next", equalTo(4));
        t.request().get("/events?after=4&limit=3").then().body("events.position", equalTo(List.of(5, 6)))
                .body("next", nullValue());
    }

    @Test
    void feedFiltersByRepeatedOrCommaSeparatedTypes() {
        TenantFixture t = TenantFixture.create("rd-types");
        appendEach(t, "/streams/a/events", "A", 2);
        appendEach(t, "/streams/b/events", "B", 2);
        appendEach(t, "/streams/c/events", "C", 2);
        t.request().get("/events?type=B").then().body("events.position", equalTo(List.of(3, 4)));
        t.request().get("/events?type=A,C").then().body("events.position", equalTo(List.of(1, 2, 5, 6)));
        t.request().get("/events?type=A&type=C&limit=3").then().body("events.position", equalTo(List.of(1, 2, 5)))
                .body("next", equalTo(5));
    }

    @Test
    void feedFiltersByTimeRange() throws InterruptedException {
        TenantFixture t = TenantFixture.create("rd-time");
        appendEach(t, "/streams/a/events", "A", 2);
        Thread.sleep(20);
        Instant between = Instant.now();
        Thread.sleep(20);
        appendEach(t, "/streams/a/events", "A", 1);
        t.request().get("/events?from=" + between).then().body("events.position", equalTo(List.of(3)));
        t.request().get("/events?to=" + between).then().body("events.position", equalTo(List.of(1, 2)));
    }

    @Test
    void badParametersAreNamed() {
        TenantFixture t = TenantFixture.create("rd-bad");
        invalid(t.request().get("/events?after=-1").then(), "after");
        invalid(t.request().get("/events?after=abc").then(), "after");
        invalid(t.request().get("/events?limit=0").then(), "limit");
        invalid(t.request().get("/events?limit=1001").then(), "limit");
        invalid(t.request().get("/events?type=no%20spaces").then(), "type");
        invalid(t.request().get("/events?from=yesterday").then(), "from");
        invalid(t.request().get("/events?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z").then(), "to");
        invalid(t.request().get("/streams/s/events?fromVersion=0").then(), "fromVersion");
        invalid(t.request().get("/streams/s/events?limit=5000").then(), "limit");
        invalid(t.request().get("/streams/%00/events").then(), "streamId");
    }

    @Test
    void aThousandEventsReadInOnePage() {
        TenantFixture t = TenantFixture.create("rd-max");
        StringBuilder body = new StringBuilder("{\"events\":[");
        for (int i = 0; i < 1000; i++) {
            body.append(i == 0 ? "" : ",").append(event("A", "{\"i\":" + i + "}"));
        }
        t.postJson("/streams/big/events", body.append("]}").toString()).statusCode(201);
        t.request().get("/events?limit=1000").then().body("events.size()", equalTo(1000)).body("next", nullValue());
        t.request().get("/streams/big/events?limit=1000").then().body("events.size()", equalTo(1000));
    }

    static void appendEach(TenantFixture t, String path, String type, int count) {
        for (int i = 0; i < count; i++) {
            t.postJson(path, "{\"events\":[" + event(type, "{\"n\":" + i + "}") + "]}").statusCode(201);
        }
    }
}
