package dev.palisade.events.subscribe;

import static dev.palisade.events.subscribe.SubscriptionTest.await;
import static dev.palisade.events.subscribe.SubscriptionTest.positions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import dev.palisade.events.EventsCommitted;
import dev.palisade.events.EventsTestSupport;
import dev.palisade.events.FeedQuery;
import dev.palisade.events.RecordedEvent;
import dev.palisade.tenancy.TenantId;
import dev.palisade.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The wake-up path that never rides in an append's transaction: {@link EventsCommitted} wakes this replica's
 * subscribers in process, and a coalesced notification sent afterwards wakes other replicas'. Events are written here
 * without any {@code NOTIFY} and the poll is a minute, so only that path can deliver them.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@TestProfile(NotificationPushTest.NotificationsOnly.class)
class CommitBroadcastTest {

    @Inject
    EventsTestSupport support;

    @Inject
    EventSubscriptions subscriptions;

    @Inject
    Event<EventsCommitted> committed;

    @Test
    void aCommitWakesThisReplicasSubscribersInProcessWithinMilliseconds() throws Exception {
        TenantId tenant = support.newTenant("inproc");
        insertWithoutNotification(tenant, 1);
        try (Subscription s = subscriptions.subscribe(tenant, FeedQuery.after(0))) {
            assertEquals(List.of(1L), positions(await(s.next(), 10)), "the replay (its first read may be slow)");
            for (long position = 2; position <= 4; position++) {
                CompletionStage<List<RecordedEvent>> pending = s.next();
                Thread.sleep(50);
                insertWithoutNotification(tenant, position);
                long start = System.nanoTime();
                committed.fire(new EventsCommitted(tenant, position));
                assertEquals(List.of(position), positions(await(pending, 1)), "woken by the commit event alone");
                long millis = (System.nanoTime() - start) / 1_000_000;
                assertTrue(millis < 500, "woken " + millis + " ms after the commit event");
            }
        }
    }

    @Test
    void aBurstOfCommitsOfManyTenantsReachesOtherReplicasInFewNotifications() throws Exception {
        List<TenantId> tenants = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            tenants.add(TenantId.of("burst-" + i + "-" + UUID.randomUUID().toString().substring(0, 8)));
        }
        int commits = 0;
        try (Connection otherReplica = listening()) {
            for (int round = 1; round <= 10; round++) {
                for (TenantId tenant : tenants) {
                    committed.fire(new EventsCommitted(tenant, round));
                    commits++;
                }
            }
            List<PGNotification> received = receive(otherReplica, 1_000);
            Set<TenantId> announced = new HashSet<>();
            for (PGNotification n : received) {
                CommitNotice notice = CommitNotice.parse(n.getParameter());
                assertFalse(notice.sender().isEmpty(), "a notice names its sender: " + n.getParameter());
                announced.addAll(notice.tenants());
            }
            assertEquals(Set.copyOf(tenants), announced, "every committed tenant is announced");
            assertTrue(received.size() <= commits / 20,
                    commits + " commits must be coalesced into far fewer notifications; got " + received.size());
        }
    }

    @Test
    void aSteadyStreamOfCommitsSendsAFewNoticesASecondNotOneEachFewMilliseconds() throws Exception {
        // Each notice is a transaction with a commit record to flush beside the appends; its window bounds how many a
        // replica sends, whatever its append rate. A slow machine only sends fewer.
        TenantId tenant = TenantId.of("steady-" + UUID.randomUUID().toString().substring(0, 8));
        try (Connection otherReplica = listening()) {
            long start = System.nanoTime();
            long position = 0;
            while (System.nanoTime() - start < 1_000_000_000L) {
                committed.fire(new EventsCommitted(tenant, ++position));
                Thread.sleep(1);
            }
            long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
            List<PGNotification> received = receive(otherReplica, 500);
            assertTrue(received.size() >= 1, "the commits are announced");
            assertTrue(received.size() <= 25, position + " commits over " + elapsedMillis + " ms must be announced "
                    + "at most once per window of " + CommitBroadcaster.WINDOW_MILLIS + " ms (about 20 a second); got "
                    + received.size() + " notices");
        }
    }

    @Test
    void anotherReplicasNoticeWakesThisReplicasSubscribers() throws Exception {
        TenantId tenant = support.newTenant("notice");
        insertWithoutNotification(tenant, 1);
        try (Subscription s = subscriptions.subscribe(tenant, FeedQuery.after(0))) {
            assertEquals(List.of(1L), positions(await(s.next(), 10)), "the replay (its first read may be slow)");
            CompletionStage<List<RecordedEvent>> pending = s.next();
            Thread.sleep(50);
            insertWithoutNotification(tenant, 2);
            try (Connection other = support.asApp();
                    PreparedStatement st = other.prepareStatement("SELECT pg_notify(?, ?)")) {
                st.setString(1, CommitNotice.CHANNEL.name());
                st.setString(2, CommitNotice.payloads("otherreplica", List.of(TenantId.of("someone-else"), tenant))
                        .get(0));
                st.executeQuery().close();
            }
            assertEquals(List.of(2L), positions(await(pending, 1)), "woken by the other replica's notice");
        }
    }

    /** A connection listening on the channel, as another replica's listener would. */
    private Connection listening() throws SQLException {
        Connection connection = support.asApp();
        try (Statement st = connection.createStatement()) {
            st.execute("LISTEN " + CommitNotice.CHANNEL.name());
        }
        return connection;
    }

    /** Every notification that arrives within {@code millis}. */
    private static List<PGNotification> receive(Connection connection, long millis) throws SQLException {
        List<PGNotification> received = new ArrayList<>();
        long deadline = System.currentTimeMillis() + millis;
        long left;
        while ((left = deadline - System.currentTimeMillis()) > 0) {
            PGNotification[] batch = connection.unwrap(PGConnection.class).getNotifications((int) left);
            if (batch != null) {
                received.addAll(List.of(batch));
            }
        }
        return received;
    }

    /** An event written by a writer that sends no notification. */
    private void insertWithoutNotification(TenantId tenant, long position) throws SQLException {
        try (Connection su = support.asSuperuser()) {
            su.setAutoCommit(false);
            try (PreparedStatement st = su.prepareStatement("""
                    INSERT INTO event_positions (tenant_id, last_position) VALUES (?, ?)
                        ON CONFLICT (tenant_id) DO UPDATE SET last_position = excluded.last_position;
                    INSERT INTO events (tenant_id, position, stream_id, version, event_id, type, data)
                    VALUES (?, ?, 'quiet', ?, ?, 'Quiet', '{}');
                    """)) {
                st.setString(1, tenant.value());
                st.setLong(2, position);
                st.setString(3, tenant.value());
                st.setLong(4, position);
                st.setLong(5, position);
                st.setObject(6, UUID.randomUUID());
                st.execute();
            }
            su.commit();
        }
    }
}
