package dev.palisade.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.palisade.tenancy.TenantId;
import dev.palisade.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The feed's central promise: a reader tailing it with {@code after=} collects exactly the committed events, in
 * strictly increasing positions, while writers commit out of order, linger inside their transactions and roll back.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class GapFreeFeedTest {

    private static final int WRITERS = 8;
    private static final int APPENDS_PER_WRITER = 30;

    @Inject
    EventsTestSupport support;

    @Inject
    EventStore store;

    @Inject
    TransactionalWriter writer;

    @Test
    void tailingReaderSeesEveryCommittedEventExactlyOnceInOrder() throws Exception {
        TenantId tenant = support.newTenant("gapfree");
        Set<UUID> committed = ConcurrentHashMap.newKeySet();
        Set<UUID> rolledBack = ConcurrentHashMap.newKeySet();
        AtomicInteger lingered = new AtomicInteger();
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS + 1);
        try {
            Future<List<RecordedEvent>> reader = pool.submit(() -> tail(tenant, writing));
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int id = w;
                writers.add(pool.submit(() -> {
                    write(tenant, id, committed, rolledBack, lingered);
                    return null;
                }));
            }
            for (Future<?> f : writers) {
                f.get(120, TimeUnit.SECONDS);
            }
            writing.set(false);
            List<RecordedEvent> tailed = reader.get(60, TimeUnit.SECONDS);

            List<RecordedEvent> feed = readWholeFeed(tenant);
            assertEquals(positions(feed), positions(tailed), "the tailing reader saw exactly the final feed");
            assertEquals(ids(feed), ids(tailed), "same events at the same positions");
            assertEquals(committed, new HashSet<>(ids(feed)), "the feed holds exactly the committed appends");
            assertTrue(Collections.disjoint(rolledBack, ids(feed)), "no rolled-back event is in the feed");
            for (int i = 0; i < feed.size(); i++) {
                assertEquals(i + 1, feed.get(i).position(), "positions are 1..n: rollbacks leave no hole");
            }
            assertTrue(lingered.get() > 5 && !rolledBack.isEmpty(),
                    "the run must include lingering and rolled-back writers to prove anything");
        } finally {
            pool.shutdownNow();
        }
    }

    private void write(TenantId tenant, int writerId, Set<UUID> committed, Set<UUID> rolledBack,
            AtomicInteger lingered) throws InterruptedException {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < APPENDS_PER_WRITER; i++) {
            List<NewEvent> batch = new ArrayList<>();
            int size = random.nextInt(10) == 0 ? 20 + random.nextInt(30) : 1 + random.nextInt(4);
            for (int e = 0; e < size; e++) {
                batch.add(support.event("Written", writerId * 1000L + i));
            }
            AppendCommand command = AppendCommand.to(StreamId.of("writer-" + writerId + "-" + random.nextInt(3)),
                    ExpectedVersion.any(), batch);
            int dice = random.nextInt(100);
            if (dice < 15) {
                try {
                    support.as(tenant, () -> writer.appendThenRollBack(command));
                } catch (TransactionalWriter.RolledBack expected) {
                    batch.forEach(event -> rolledBack.add(event.eventId()));
                }
            } else if (dice < 35) {
                support.as(tenant, () -> writer.appendThenLinger(command, 20 + random.nextInt(60)));
                lingered.incrementAndGet();
                batch.forEach(event -> committed.add(event.eventId()));
            } else {
                support.append(tenant, command);
                batch.forEach(event -> committed.add(event.eventId()));
            }
        }
    }

    /** Pages through the feed with small, varying pages until the writers are done and nothing more comes. */
    private List<RecordedEvent> tail(TenantId tenant, AtomicBoolean writing) throws InterruptedException {
        List<RecordedEvent> seen = new ArrayList<>();
        long after = 0;
        int reads = 0;
        while (true) {
            boolean lastRound = !writing.get();
            long from = after;
            int limit = 1 + ThreadLocalRandom.current().nextInt(15);
            EventPage page = support.as(tenant, () -> store.readFeed(FeedQuery.after(from).withLimit(limit)));
            reads++;
            for (RecordedEvent event : page.events()) {
                assertTrue(event.position() > after, "positions strictly increase: " + event.position() + " after "
                        + after);
                seen.add(event);
                after = event.position();
            }
            if (page.events().isEmpty()) {
                if (lastRound) {
                    break;
                }
                Thread.sleep(Duration.ofMillis(2).toMillis());
            }
        }
        assertTrue(reads > 20, "the reader must have read while writers wrote, not only at the end: " + reads);
        return seen;
    }

    private List<RecordedEvent> readWholeFeed(TenantId tenant) {
        List<RecordedEvent> all = new ArrayList<>();
        Long after = 0L;
        while (after != null) {
            long from = after;
            EventPage page = support.as(tenant, () -> store.readFeed(FeedQuery.after(from).withLimit(1000)));
            all.addAll(page.events());
            after = page.next();
        }
        return all;
    }

    private static List<Long> positions(List<RecordedEvent> events) {
        return events.stream().map(RecordedEvent::position).toList();
    }

    private static List<UUID> ids(List<RecordedEvent> events) {
        return events.stream().map(RecordedEvent::eventId).toList();
    }
}
