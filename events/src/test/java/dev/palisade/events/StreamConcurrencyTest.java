package dev.palisade.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.palisade.tenancy.TenantId;
import dev.palisade.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Optimistic concurrency on one stream: many writers, each appending with the version it last read. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class StreamConcurrencyTest {

    private static final int WRITERS = 8;
    private static final int TARGET_VERSION = 120;

    @Inject
    EventsTestSupport support;

    @Inject
    EventStore store;

    @Test
    void exactlyOneWriterWinsEachVersionAndLosersAreRejected() throws Exception {
        TenantId tenant = support.newTenant("race");
        StreamId stream = StreamId.of("counter");
        Set<Long> wonVersions = ConcurrentHashMap.newKeySet();
        AtomicInteger wins = new AtomicInteger();
        AtomicInteger losses = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                writers.add(pool.submit(() -> {
                    start.await();
                    while (true) {
                        long read = support.as(tenant, () -> store.currentVersion(stream));
                        if (read >= TARGET_VERSION) {
                            return null;
                        }
                        try {
                            AppendResult won = support.append(tenant, AppendCommand.to(stream,
                                    ExpectedVersion.exactly(read), List.of(support.event("Incremented", read + 1))));
                            assertEquals(read + 1, won.fromVersion(), "a winner writes the version after the one read");
                            assertTrue(wonVersions.add(won.fromVersion()), "version " + won.fromVersion()
                                    + " was won twice");
                            wins.incrementAndGet();
                        } catch (WrongExpectedVersionException lost) {
                            assertTrue(lost.currentVersion() > read, "a loser is told a newer current version");
                            losses.incrementAndGet();
                        }
                    }
                }));
            }
            start.countDown();
            for (Future<?> writer : writers) {
                writer.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        EventPage page = support.as(tenant, () -> store.readStream(stream, 1, 1000));
        List<Long> versions = page.events().stream().map(RecordedEvent::version).toList();
        assertEquals(TARGET_VERSION, versions.size(), "no duplicates, nothing lost");
        for (int i = 0; i < versions.size(); i++) {
            assertEquals(i + 1, versions.get(i), "versions are 1..n without gaps");
            assertEquals(i + 1L, page.events().get(i).data().get("n").asLong(),
                    "each version holds the event written by the writer that read version " + i);
        }
        assertEquals(TARGET_VERSION, wins.get(), "one win per version");
        assertTrue(losses.get() > 0, "writers must actually have raced");
    }
}
