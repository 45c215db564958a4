package dev.palisade.events.subscribe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.palisade.events.AppendCommand;
import dev.palisade.events.EventsTestSupport;
import dev.palisade.events.ExpectedVersion;
import dev.palisade.events.FeedQuery;
import dev.palisade.events.RecordedEvent;
import dev.palisade.events.StreamId;
import dev.palisade.tenancy.TenantId;
import dev.palisade.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Subscriptions with the default polling fallback (1 s in tests): replay, filters, lost notifications, restarts. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class SubscriptionTest {

    @Inject
    EventsTestSupport support;

    @Inject
    EventSubscriptions subscriptions;

    @Test
    void replaysWhatIsRecordedThenDeliversNewEvents() throws Exception {
        TenantId tenant = support.newTenant("sub-replay");
        append(tenant, "A", 3);
        try (Subscription s = subscriptions.subscribe(tenant, FeedQuery.after(1))) {
            assertEquals(List.of(2L, 3L), positions(await(s.next(), 5)), "the replay starts after 'after'");
            CompletionStage<List<RecordedEvent>> pending = s.next();
            append(tenant, "A", 2);
            assertEquals(List.of(4L, 5L), positions(collect(s, pending, 2, 3)));
            assertEquals(5, s.position());
        }
    }

    @Test
    void deliversOnlyTheSubscribedTypes() throws Exception {
        TenantId tenant = support.newTenant("sub-types");
        append(tenant, "A", 1);
        append(tenant, "B", 1);
        try (Subscription s = subscriptions.subscribe(tenant, FeedQuery.after(0).withTypes(Set.of("B")))) {
            assertEquals(List.of(2L), positions(await(s.next(), 5)));
            CompletionStage<List<RecordedEvent>> pending = s.next();
            append(tenant, "A", 1);
            append(tenant, "B", 1);
            assertEquals(List.of(4L), positions(await(pending, 3)));
        }
    }

    @Test
    void otherTenantsEventsNeverArrive() throws Exception {
        TenantId mine = support.newTenant("sub-mine");
        TenantId theirs = support.newTenant("sub-theirs");
        try (Subscription s = subscriptions.subscribe(mine, FeedQuery.after(0))) {
            CompletionStage<List<RecordedEvent>> pending = s.next();
            append(theirs, "Theirs", 3);
            assertThrows(TimeoutException.class, () -> await(pending, 2), "nothing of another tenant arrives");
            append(mine, "Mine", 1);
            List<RecordedEvent> events = await(pending, 3);
            assertEquals(List.of("Mine"), events.stream().map(RecordedEvent::type).toList());
        }
    }

    @Test
    void pollingFindsEventsWhoseNotificationWasLost() throws Exception {
        TenantId tenant = support.newTenant("sub-lost");
        try (Subscription s = subscriptions.subscribe(tenant, FeedQuery.after(0))) {
            CompletionStage<List<RecordedEvent>> pending = s.next();
            Thread.sleep(200);
            insertWithoutNotification(tenant);
            assertEquals(List.of(1L), positions(await(pending, 3)), "found by the poll, without any NOTIFY");
        }
    }

    @Test
    void resumesFromItsLastPositionAfterTheDatabaseDropsEveryConnection() throws Exception {
        TenantId tenant = support.newTenant("sub-restart");
        append(tenant, "A", 2);
        try (Subscription s = subscriptions.subscribe(tenant, FeedQuery.after(0))) {
            assertEquals(List.of(1L, 2L), positions(await(s.next(), 5)));
            CompletionStage<List<RecordedEvent>> pending = s.next();
            dropEveryConnection();
            appendRetrying(tenant, 3);
            assertEquals(List.of(3L, 4L, 5L), positions(collect(s, pending, 3, 10)), "nothing lost, nothing twice");
        }
    }

    @Test
    void closingCancelsAPendingRead() throws Exception {
        TenantId tenant = support.newTenant("sub-close");
        Subscription s = subscriptions.subscribe(tenant, FeedQuery.after(0));
        CompletionStage<List<RecordedEvent>> pending = s.next();
        s.close();
        assertThrows(CancellationException.class, () -> pending.toCompletableFuture().join());
        ExecutionException closed = assertThrows(ExecutionException.class, () -> s.next().toCompletableFuture().get());
        assertTrue(closed.getCause() instanceof IllegalStateException);
    }

    private void append(TenantId tenant, String type, int count) {
        for (int i = 0; i < count; i++) {
            support.append(tenant, AppendCommand.to(StreamId.of("s"), ExpectedVersion.any(),
                    List.of(support.event(type, i))));
        }
    }

    /** Appends, retrying while the pool replaces connections the database dropped. */
    private void appendRetrying(TenantId tenant, int count) throws InterruptedException {
        int done = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (done < count) {
            try {
                append(tenant, "After", 1);
                done++;
            } catch (RuntimeException e) {
                assertTrue(System.nanoTime() < deadline, "appends must work again after the connections are back: "
                        + e);
                Thread.sleep(100);
            }
        }
    }

    /** What a database restart does to clients: every connection of this database is closed by the server. */
    private void dropEveryConnection() throws SQLException {
        try (Connection su = support.asSuperuser(); Statement st = su.createStatement()) {
            st.execute("""
                    SELECT pg_terminate_backend(pid) FROM pg_stat_activity
                     WHERE datname = current_database() AND pid <> pg_backend_pid()
                    """);
        }
    }

    /** Another writer that sends no NOTIFY (as if the notification was lost on its way). */
    private void insertWithoutNotification(TenantId tenant) throws SQLException {
        try (Connection su = support.asSuperuser()) {
            su.setAutoCommit(false);
            try (PreparedStatement st = su.prepareStatement("""
                    INSERT INTO event_positions (tenant_id, last_position) VALUES (?, 1);
                    INSERT INTO events (tenant_id, position, stream_id, version, event_id, type, data)
                    VALUES (?, 1, 'quiet', 1, ?, 'Quiet', '{}');
                    """)) {
                st.setString(1, tenant.value());
                st.setString(2, tenant.value());
                st.setObject(3, UUID.randomUUID());
                st.execute();
            }
            su.commit();
        }
    }

    /** Events from {@code pending} and the stages after it until {@code count} arrived; fails on more. */
    static List<RecordedEvent> collect(Subscription s, CompletionStage<List<RecordedEvent>> pending, int count,
            int seconds) throws Exception {
        List<RecordedEvent> received = new ArrayList<>(await(pending, seconds));
        while (received.size() < count) {
            received.addAll(await(s.next(), seconds));
        }
        assertEquals(count, received.size(), "no more events than appended");
        return received;
    }

    static List<RecordedEvent> await(CompletionStage<List<RecordedEvent>> stage, int seconds) throws Exception {
        return stage.toCompletableFuture().get(seconds, TimeUnit.SECONDS);
    }

    static List<Long> positions(List<RecordedEvent> events) {
        return events.stream().map(RecordedEvent::position).toList();
    }
}
