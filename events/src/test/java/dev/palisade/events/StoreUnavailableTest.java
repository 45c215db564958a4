package dev.palisade.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import jakarta.inject.Inject;
import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;

import dev.palisade.tenancy.TenantId;
import dev.palisade.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * When the database is the problem, the store says so in its own words: {@link EventStoreUnavailableException}
 * (nothing written) or {@link AppendOutcomeUnknownException} (sent, then the connection broke), never another
 * exception; and retrying with the same event ids is safe, so that after the trouble the feed holds every append
 * exactly once, positions 1..n.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class StoreUnavailableTest {

    private static final int WRITERS = 4;
    private static final int APPENDS_PER_WRITER = 30;
    /** Rounds of terminating every backend of the service, 100 ms apart; the writers then finish in peace. */
    private static final int KILL_ROUNDS = 30;

    @Inject
    EventsTestSupport support;

    @Inject
    EventStore store;

    @Inject
    DataSource dataSource;

    @Test
    void terminatedConnectionsUnderConcurrentAppendsFailTypedAndRetriesAreSafe() throws Exception {
        TenantId tenant = support.newTenant("terminated");
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger terminated = new AtomicInteger();
        Map<String, AtomicInteger> typedFailures = new ConcurrentHashMap<>();
        List<Throwable> untyped = new CopyOnWriteArrayList<>();
        Set<UUID> sent = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS + 2);
        try {
            Future<?> killer = pool.submit(() -> {
                try (Connection su = support.asSuperuser(); PreparedStatement st = su.prepareStatement("""
                        SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity
                         WHERE usename = ? AND datname = current_database() AND pid <> pg_backend_pid()
                        """)) {
                    st.setString(1, support.appRole());
                    for (int round = 0; round < KILL_ROUNDS && writing.get(); round++) {
                        try (var rs = st.executeQuery()) {
                            rs.next();
                            terminated.addAndGet(rs.getInt(1));
                        }
                        Thread.sleep(100);
                    }
                }
                return null;
            });
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                writers.add(pool.submit(() -> {
                    for (int i = 0; i < APPENDS_PER_WRITER; i++) {
                        NewEvent event = NewEvent.withId(UUID.randomUUID(), "Written", support.data("n", i),
                                support.object());
                        sent.add(event.eventId());
                        AppendCommand command = AppendCommand.to(StreamId.of("writer-" + writer),
                                ExpectedVersion.any(), List.of(event));
                        appendUntilItSticks(tenant, command, typedFailures, untyped);
                        Thread.sleep(10);
                    }
                    return null;
                }));
            }
            Future<?> reader = pool.submit(() -> {
                while (writing.get()) {
                    try {
                        support.as(tenant, () -> store.readFeed(FeedQuery.after(0).withLimit(10)));
                    } catch (EventStoreUnavailableException e) {
                        typedFailures.computeIfAbsent("read", k -> new AtomicInteger()).incrementAndGet();
                    } catch (RuntimeException e) {
                        untyped.add(e);
                    }
                    Thread.sleep(10);
                }
                return null;
            });
            for (Future<?> f : writers) {
                f.get(120, TimeUnit.SECONDS);
            }
            writing.set(false);
            killer.get(10, TimeUnit.SECONDS);
            reader.get(10, TimeUnit.SECONDS);
        } finally {
            writing.set(false);
            pool.shutdownNow();
            // Connections terminated in the last round are dead in the pool; later tests should not meet them.
            ((AgroalDataSource) dataSource).flush(AgroalDataSource.FlushMode.ALL);
        }

        assertEquals(List.of(), untyped.stream().map(StoreUnavailableTest::describe).toList(),
                "every failure is one of the store's own");
        assertTrue(terminated.get() > 0 && !typedFailures.isEmpty(), "the test must really break connections: "
                + terminated + " terminated, failures " + typedFailures);
        List<RecordedEvent> feed = readFeedOnceBack(tenant);
        assertEquals(WRITERS * APPENDS_PER_WRITER, feed.size(), "every append recorded exactly once");
        for (int i = 0; i < feed.size(); i++) {
            assertEquals(i + 1, feed.get(i).position(), "positions 1..n without a gap");
        }
        assertEquals(sent, feed.stream().map(RecordedEvent::eventId).collect(Collectors.toSet()));
    }

    @Test
    void anExhaustedPoolIsStoreUnavailableAndNothingIsWritten() throws Exception {
        TenantId tenant = support.newTenant("exhausted");
        List<Connection> held = new ArrayList<>();
        try {
            // Take every connection of the pool, as long transactions or a locked table would.
            while (true) {
                Connection c = tryTake();
                if (c == null) {
                    break;
                }
                held.add(c);
            }
            assertTrue(!held.isEmpty(), "the pool had connections to take");
            AppendCommand command = AppendCommand.to(StreamId.of("s"), ExpectedVersion.any(),
                    List.of(support.event("A", 1)));
            EventStoreUnavailableException append = assertThrowsUnavailable(() -> support.append(tenant, command));
            assertTrue(append.getMessage().contains("nothing was written"), append.getMessage());
            assertInstanceOf(EventStoreUnavailableException.class, append);
            assertTrue(!(append instanceof AppendOutcomeUnknownException), "nothing was sent: " + append);
            assertThrowsUnavailable(() -> support.as(tenant, () -> store.readFeed(FeedQuery.after(0))));
        } finally {
            for (Connection c : held) {
                c.close();
            }
        }
        assertEquals(0, support.as(tenant, () -> store.head()), "nothing was written");
    }

    /**
     * The whole feed, read once the store is back. Agroal's flush runs on its housekeeping thread, so the pool may
     * still hand out a connection the last kill round terminated: that read fails typed, like any in the storm, and
     * the next one gets a fresh connection.
     */
    private List<RecordedEvent> readFeedOnceBack(TenantId tenant) throws InterruptedException {
        EventStoreUnavailableException last = null;
        for (int attempt = 0; attempt < 50; attempt++) {
            try {
                return support.as(tenant, () -> store.readFeed(FeedQuery.after(0).withLimit(1000))).events();
            } catch (EventStoreUnavailableException e) {
                last = e;
                Thread.sleep(100);
            }
        }
        throw new AssertionError("the store did not come back within 5 s", last);
    }

    /** A connection of the service's pool, or {@code null} once the pool has none left to give within 2 s. */
    private Connection tryTake() {
        ExecutorService one = Executors.newSingleThreadExecutor();
        try {
            Future<Connection> taking = one.submit(() -> dataSource.getConnection());
            try {
                return taking.get(2, TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                taking.cancel(true);
                return null;
            } catch (Exception e) {
                return null;
            }
        } finally {
            one.shutdownNow();
        }
    }

    private static EventStoreUnavailableException assertThrowsUnavailable(Runnable work) {
        try {
            work.run();
        } catch (EventStoreUnavailableException e) {
            return e;
        }
        throw new AssertionError("expected the store to be unavailable");
    }

    private void appendUntilItSticks(TenantId tenant, AppendCommand command, Map<String, AtomicInteger> typed,
            List<Throwable> untyped) {
        for (int attempt = 0; attempt < 100; attempt++) {
            try {
                support.append(tenant, command);
                return;
            } catch (AppendOutcomeUnknownException e) {
                typed.computeIfAbsent("unknown", k -> new AtomicInteger()).incrementAndGet();
            } catch (EventStoreUnavailableException e) {
                typed.computeIfAbsent("unavailable", k -> new AtomicInteger()).incrementAndGet();
            } catch (RuntimeException e) {
                untyped.add(e);
                return;
            }
        }
        untyped.add(new AssertionError("an append never got through in 100 attempts"));
    }

    private static String describe(Throwable e) {
        StringBuilder s = new StringBuilder(e.toString());
        for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
            s.append(" <- ").append(c);
        }
        return s.toString();
    }
}
