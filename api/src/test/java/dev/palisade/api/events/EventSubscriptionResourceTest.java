package dev.palisade.api.events;

import static dev.palisade.api.events.EventReadResourceTest.appendEach;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.palisade.api.support.SseStream;
import dev.palisade.api.support.SseStream.Frame;
import dev.palisade.api.support.TenantFixture;
import dev.palisade.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * {@code GET /events/subscribe}: replay, live push within a second, Last-Event-ID, type filter, heartbeats, and the
 * end of a stream whose tenant is suspended or whose key is revoked. The fallback poll is set to a minute, so what
 * arrives within a second was pushed (in-process wake-up or notification), never found by polling.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@TestProfile(EventSubscriptionResourceTest.PushOnly.class)
class EventSubscriptionResourceTest {

    /** Polling too slow to matter within a test. */
    public static class PushOnly implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("palisade.events.subscriptions.poll-interval", "60s");
        }
    }

    private static final Duration PATIENCE = Duration.ofSeconds(5);
    /** How soon a suspension or revocation must end a stream (it is a notification, then one query). */
    private static final Duration ENDS_WITHIN = Duration.ofSeconds(2);

    @TestHTTPResource("/events/subscribe")
    URL subscribe;

    @Test
    void replaysFromAfterThenPushesNewEventsWithinOneSecond() throws Exception {
        TenantFixture t = TenantFixture.create("sse-live");
        appendEach(t, "/streams/s/events", "A", 3);
        try (SseStream stream = open(t, "?after=1")) {
            assertEquals(200, stream.status());
            assertEquals("2", stream.nextEvent(PATIENCE).id(), "the replay starts after 'after'");
            Frame third = stream.nextEvent(PATIENCE);
            assertEquals("3", third.id());
            assertTrue(third.data().contains("\"position\":3") && third.data().contains("\"type\":\"A\""),
                    third.data());
            for (int i = 0; i < 3; i++) {
                long committed = System.nanoTime();
                appendEach(t, "/streams/s/events", "A", 1);
                Frame pushed = stream.nextEvent(Duration.ofSeconds(1));
                long millis = (System.nanoTime() - committed) / 1_000_000;
                assertEquals(String.valueOf(4 + i), pushed.id());
                assertTrue(millis < 1_000, "pushed " + millis + " ms after the append returned");
            }
        }
    }

    @Test
    void lastEventIdResumesWhereTheClientLeftOff() throws Exception {
        TenantFixture t = TenantFixture.create("sse-resume");
        appendEach(t, "/streams/s/events", "A", 4);
        try (SseStream stream = open(t, "?after=0", "Last-Event-ID", "2")) {
            assertEquals("3", stream.nextEvent(PATIENCE).id(), "Last-Event-ID wins over after");
            assertEquals("4", stream.nextEvent(PATIENCE).id());
        }
    }

    @Test
    void typeFilterDeliversOnlyThoseTypes() throws Exception {
        TenantFixture t = TenantFixture.create("sse-types");
        appendEach(t, "/streams/s/events", "A", 1);
        appendEach(t, "/streams/s/events", "B", 1);
        try (SseStream stream = open(t, "?type=B")) {
            assertEquals("2", stream.nextEvent(PATIENCE).id());
            appendEach(t, "/streams/s/events", "A", 1);
            appendEach(t, "/streams/s/events", "B", 1);
            assertEquals("4", stream.nextEvent(PATIENCE).id());
        }
    }

    @Test
    void idleStreamSendsHeartbeats() throws Exception {
        TenantFixture t = TenantFixture.create("sse-beat");
        try (SseStream stream = open(t, "")) {
            assertEquals("heartbeat", stream.nextComment(PATIENCE).comment());
            assertEquals("heartbeat", stream.nextComment(PATIENCE).comment(), "and keeps sending them");
        }
    }

    @Test
    void badParametersAndMissingCredentialsAreRefused() throws Exception {
        TenantFixture t = TenantFixture.create("sse-bad");
        try (SseStream stream = open(t, "?after=minus-one")) {
            assertEquals(400, stream.status());
        }
        try (SseStream stream = SseStream.open(URI.create(subscribe.toString()), "X-Tenant-ID", t.id())) {
            assertEquals(401, stream.status());
        }
    }

    @Test
    void manySubscribersAllReceiveEveryEventOnce() throws Exception {
        TenantFixture t = TenantFixture.create("sse-many");
        List<SseStream> streams = List.of(open(t, ""), open(t, ""), open(t, ""));
        try {
            appendEach(t, "/streams/s/events", "A", 3);
            for (SseStream stream : streams) {
                List<String> ids = List.of(stream.nextEvent(PATIENCE).id(), stream.nextEvent(PATIENCE).id(),
                        stream.nextEvent(PATIENCE).id());
                assertEquals(List.of("1", "2", "3"), ids);
                assertEquals(List.of(), stream.eventsWithin(Duration.ofMillis(500)), "nothing twice");
            }
        } finally {
            streams.forEach(SseStream::close);
        }
    }

    @Test
    void suspendingTheTenantEndsItsStreamsWithTheReasonAndLeavesOtherTenantsStreamsOpen() throws Exception {
        TenantFixture t = TenantFixture.create("sse-suspend");
        TenantFixture other = TenantFixture.create("sse-bystander");
        try (SseStream first = open(t, ""); SseStream second = open(t, ""); SseStream bystander = open(other, "")) {
            awaitOpen(first, second, bystander);
            TenantFixture.admin().post("/admin/tenants/" + t.id() + "/suspend").then().statusCode(200);

            for (SseStream stream : List.of(first, second)) {
                Frame last = stream.nextEvent(ENDS_WITHIN);
                assertEquals(SubscriptionResource.ENDED, last.event(), "the stream says why it ends: " + last);
                assertTrue(last.data().contains("\"status\":403") && last.data().contains("suspended"), last.data());
                assertTrue(stream.endsWithin(ENDS_WITHIN), "and then the server closes it");
            }
            appendEach(other, "/streams/s/events", "A", 1);
            assertEquals("1", bystander.nextEvent(PATIENCE).id(), "another tenant's stream stays open and live");
        }
    }

    @Test
    void revokingAKeyEndsOnlyTheStreamsThatKeyOpened() throws Exception {
        TenantFixture t = TenantFixture.create("sse-revoke");
        String[] revoked = issueKey(t);
        String[] kept = issueKey(t);
        try (SseStream withRevoked = open(new TenantFixture(t.id(), revoked[1]), "");
                SseStream withKept = open(new TenantFixture(t.id(), kept[1]), "")) {
            awaitOpen(withRevoked, withKept);
            TenantFixture.admin().delete("/admin/tenants/" + t.id() + "/api-keys/" + revoked[0]).then()
                    .statusCode(204);

            Frame last = withRevoked.nextEvent(ENDS_WITHIN);
            assertEquals(SubscriptionResource.ENDED, last.event(), "the stream says why it ends: " + last);
            assertTrue(last.data().contains("\"status\":401"), last.data());
            assertTrue(withRevoked.endsWithin(ENDS_WITHIN), "and then the server closes it");

            appendEach(t, "/streams/s/events", "A", 1);
            assertEquals("1", withKept.nextEvent(PATIENCE).id(), "the stream of the tenant's other key stays live");
            assertFalse(withKept.endsWithin(Duration.ofMillis(500)), "and open");
        }
    }

    /** Issues another API key of {@code t} through the admin API: its id and secret. */
    static String[] issueKey(TenantFixture t) {
        var created = TenantFixture.admin().post("/admin/tenants/" + t.id() + "/api-keys").then().statusCode(201)
                .extract();
        return new String[]{created.path("id"), created.path("secret")};
    }

    /** Waits until every stream is open and served (its first heartbeat arrived). */
    static void awaitOpen(SseStream... streams) throws Exception {
        for (SseStream stream : streams) {
            assertEquals(200, stream.status());
            assertEquals("heartbeat", stream.nextComment(PATIENCE).comment());
        }
    }

    SseStream open(TenantFixture t, String query, String... headers) {
        String[] all = new String[headers.length + 4];
        all[0] = "X-Tenant-ID";
        all[1] = t.id();
        all[2] = "Authorization";
        all[3] = "Bearer " + t.apiKey();
        System.arraycopy(headers, 0, all, 4, headers.length);
        return SseStream.open(URI.create(subscribe + query), all);
    }
}
