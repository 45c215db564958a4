package dev.palisade.events.subscribe;

import static dev.palisade.events.subscribe.SubscriptionTest.await;
import static dev.palisade.events.subscribe.SubscriptionTest.positions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.palisade.events.AppendCommand;
import dev.palisade.events.EventsTestSupport;
import dev.palisade.events.ExpectedVersion;
import dev.palisade.events.FeedQuery;
import dev.palisade.events.RecordedEvent;
import dev.palisade.events.StreamId;
import dev.palisade.events.append.EventAppender;
import dev.palisade.tenancy.TenantId;
import dev.palisade.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * With polling slowed to a minute, only the wake-ups can deliver within a second: they do, for appends of this
 * service (in process, on {@code EventsCommitted}) and for appends of another replica sharing the database (its
 * commit notice, sent after its commit on {@value CommitNotice#CHANNEL_NAME}).
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@TestProfile(NotificationPushTest.NotificationsOnly.class)
class NotificationPushTest {

    /** Polling too slow to matter within a test. */
    public static class NotificationsOnly implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("palisade.events.subscriptions.poll-interval", "60s");
        }
    }

    @Inject
    EventsTestSupport support;

    @Inject
    EventSubscriptions subscriptions;

    @Test
    void newEventArrivesWithinOneSecondOfCommit() throws Exception {
        TenantId tenant = support.newTenant("push");
        try (Subscription s = subscriptions.subscribe(tenant, FeedQuery.after(0))) {
            for (int i = 1; i <= 5; i++) {
                CompletionStage<List<RecordedEvent>> pending = s.next();
                Thread.sleep(50);
                long committed = System.nanoTime();
                support.append(tenant, AppendCommand.to(StreamId.of("s"), ExpectedVersion.any(),
                        List.of(support.event("A", i))));
                List<RecordedEvent> events = await(pending, 1);
                long latencyMillis = (System.nanoTime() - committed) / 1_000_000;
                assertEquals(List.of((long) i), positions(events));
                assertTrue(latencyMillis < 1_000, "pushed " + latencyMillis + " ms after commit");
            }
        }
    }

    @Test
    void eventAppendedByAnotherReplicaArrivesWithinOneSecond() throws Exception {
        TenantId tenant = support.newTenant("replica");
        try (Subscription s = subscriptions.subscribe(tenant, FeedQuery.after(0))) {
            CompletionStage<List<RecordedEvent>> pending = s.next();
            Thread.sleep(50);
            // Another replica: its own connection and its own appender, nothing shared with this process but the
            // database.
            EventAppender replica = support.replicaAppender();
            replica.run(tenant, List.of(replica.encode(AppendCommand.to(StreamId.of("r"), ExpectedVersion.noStream(),
                    List.of(support.event("FromReplica", 1))))));
            // ... which, after its commit, tells the others as every replica's CommitBroadcaster does.
            try (Connection other = support.asSuperuser();
                    PreparedStatement notify = other.prepareStatement("SELECT pg_notify(?, ?)")) {
                notify.setString(1, CommitNotice.CHANNEL_NAME);
                notify.setString(2, CommitNotice.payloads("otherreplica", List.of(tenant)).get(0));
                notify.execute();
            }
            List<RecordedEvent> events = await(pending, 1);
            assertEquals(List.of("FromReplica"), events.stream().map(RecordedEvent::type).toList());
        }
    }
}
