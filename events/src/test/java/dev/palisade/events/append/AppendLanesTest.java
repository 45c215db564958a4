package dev.palisade.events.append;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import dev.palisade.events.AppendCommand;
import dev.palisade.events.AppendResult;
import dev.palisade.events.EventStoreUnavailableException;
import dev.palisade.events.ExpectedVersion;
import dev.palisade.events.InvalidEventException;
import dev.palisade.events.NewEvent;
import dev.palisade.events.StreamId;
import dev.palisade.events.WrongExpectedVersionException;
import dev.palisade.tenancy.TenantId;

/** Group commit without a database: combining, per-append outcomes, failure attribution, lanes per tenant. */
class AppendLanesTest {

    private static final TenantId ACME = TenantId.of("acme");

    @Test
    void concurrentAppendsAreCombinedAndEachGetsItsOwnResult() throws Exception {
        List<Integer> batchSizes = new CopyOnWriteArrayList<>();
        AtomicInteger inFlight = new AtomicInteger();
        AppendLanes lanes = new AppendLanes((tenant, appends) -> {
            assertEquals(1, inFlight.incrementAndGet(), "one call at a time per tenant");
            batchSizes.add(appends.size());
            sleep(5);
            inFlight.decrementAndGet();
            return succeedAll(appends);
        }, 64, 1 << 20);
        List<String> streams = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            streams.add("s-" + i);
        }
        Map<String, AppendResult> results = runConcurrently(16, streams, s -> lanes.append(ACME, encoded(s)));
        for (String s : streams) {
            assertEquals(s, results.get(s).streamId().value(), "each caller gets the result of its own append");
        }
        assertEquals(200, batchSizes.stream().mapToInt(Integer::intValue).sum());
        assertTrue(batchSizes.stream().anyMatch(n -> n > 1), "appends waiting together were combined: " + batchSizes);
    }

    @Test
    void aFailedCombinedCallIsRetriedAloneSoOnlyTheCulpritFails() throws Exception {
        AppendLanes lanes = new AppendLanes((tenant, appends) -> {
            sleep(2);
            if (appends.stream().anyMatch(a -> a.command().streamId().value().equals("bad"))) {
                throw new InvalidEventException("events", "contain text PostgreSQL cannot store.");
            }
            return succeedAll(appends);
        }, 64, 1 << 20);
        List<String> streams = new ArrayList<>(List.of("bad"));
        for (int i = 0; i < 50; i++) {
            streams.add("ok-" + i);
        }
        Map<String, Object> outcomes = new ConcurrentHashMap<>();
        runConcurrently(8, streams, s -> {
            try {
                outcomes.put(s, lanes.append(ACME, encoded(s)));
            } catch (InvalidEventException e) {
                outcomes.put(s, e);
            }
            return null;
        });
        assertTrue(outcomes.get("bad") instanceof InvalidEventException, "the failing append fails: "
                + outcomes.get("bad"));
        streams.stream().filter(s -> !s.equals("bad"))
                .forEach(s -> assertTrue(outcomes.get(s) instanceof AppendResult, s + " must succeed"));
    }

    @Test
    void theDatabasesTroubleFailsTheWholeCallAtOnceWithoutRetryingEachAppend() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        CountDownLatch firstCallStarted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AppendLanes lanes = new AppendLanes((tenant, appends) -> {
            calls.incrementAndGet();
            firstCallStarted.countDown();
            await(release);
            throw new EventStoreUnavailableException("Appending failed: the database is unavailable.", null);
        }, 64, 1 << 20);
        ExecutorService pool = Executors.newFixedThreadPool(9);
        try {
            Future<?> first = pool.submit(() -> lanes.append(ACME, encoded("first")));
            assertTrue(firstCallStarted.await(10, TimeUnit.SECONDS));
            List<Future<?>> waiting = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String stream = "s-" + i;
                waiting.add(pool.submit(() -> lanes.append(ACME, encoded(stream))));
            }
            sleep(100);
            release.countDown();
            for (Future<?> f : concat(first, waiting)) {
                ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(10, TimeUnit.SECONDS));
                assertTrue(e.getCause() instanceof EventStoreUnavailableException, "every caller hears the "
                        + "database's trouble: " + e.getCause());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(2, calls.get(), "one call for the first append, one for the eight combined; none alone");
    }

    @Test
    void eachAppendKeepsItsOwnFailure() {
        AppendLanes lanes = new AppendLanes((tenant, appends) -> appends.stream()
                .map(a -> AppendOutcome.failed(new WrongExpectedVersionException(a.command().streamId(),
                        a.command().expectedVersion(), 7)))
                .toList(), 64, 1 << 20);
        WrongExpectedVersionException e = assertThrows(WrongExpectedVersionException.class,
                () -> lanes.append(ACME, encoded("s")));
        assertEquals(7, e.currentVersion());
    }

    @Test
    void lanesOfIdleTenantsAreDropped() throws Exception {
        AppendLanes lanes = new AppendLanes((tenant, appends) -> {
            sleep(1);
            return succeedAll(appends);
        }, 8, 1 << 20);
        List<String> appends = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            appends.add(String.valueOf(i));
        }
        Map<String, AppendResult> results = runConcurrently(12, appends,
                i -> lanes.append(TenantId.of("tenant-" + Integer.parseInt(i) % 30), encoded(i)));
        assertEquals(300, results.size(), "every append completed");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (lanes.activeLanes() > 0 && System.nanoTime() < deadline) {
            sleep(5);
        }
        assertEquals(0, lanes.activeLanes(), "no lane is kept for a tenant with nothing to write");
        assertEquals("again", lanes.append(TenantId.of("tenant-1"), encoded("again")).streamId().value(),
                "a tenant whose lane was dropped appends as before");
    }

    @Test
    void afterCloseAnAppendFailsInsteadOfWaitingForever() {
        AppendLanes lanes = new AppendLanes((tenant, appends) -> succeedAll(appends), 8, 1 << 20);
        lanes.close();
        for (String stream : List.of("late", "later")) {
            EventStoreUnavailableException e = assertTimeoutPreemptively(Duration.ofSeconds(10),
                    () -> assertThrows(EventStoreUnavailableException.class, () -> lanes.append(ACME,
                            encoded(stream))));
            assertTrue(e.getMessage().contains("no writer"), e.getMessage());
        }
        assertEquals(0, lanes.activeLanes(), "the failed lane is not kept");
    }

    @Test
    void anInterruptedCallerStillGetsItsOutcomeAndKeepsTheInterrupt() throws Exception {
        AppendLanes lanes = new AppendLanes((tenant, appends) -> {
            sleep(500);
            return succeedAll(appends);
        }, 8, 1 << 20);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpuBefore = threads.getCurrentThreadCpuTime();
        Thread caller = Thread.currentThread();
        Thread interrupter = new Thread(() -> {
            sleep(50);
            caller.interrupt();
        });
        interrupter.start();
        try {
            assertEquals("s", lanes.append(ACME, encoded("s")).streamId().value(), "the append's own result");
            assertTrue(Thread.interrupted(), "the interrupt is restored for the caller to see");
            long cpuMillis = TimeUnit.NANOSECONDS.toMillis(threads.getCurrentThreadCpuTime() - cpuBefore);
            assertTrue(cpuMillis < 200, "the interrupted caller waited parked, not spinning: " + cpuMillis + " ms CPU");
        } finally {
            interrupter.join();
            Thread.interrupted();
        }
    }

    private interface Work<T> {
        T run(String stream) throws Exception;
    }

    private static <T> Map<String, T> runConcurrently(int threads, List<String> streams, Work<T> work)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            Map<String, Future<T>> futures = new ConcurrentHashMap<>();
            for (String s : streams) {
                futures.put(s, pool.submit(() -> work.run(s)));
            }
            Map<String, T> results = new ConcurrentHashMap<>();
            for (var entry : futures.entrySet()) {
                T value = entry.getValue().get(30, TimeUnit.SECONDS);
                if (value != null) {
                    results.put(entry.getKey(), value);
                }
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static EncodedAppend encoded(String stream) {
        AppendCommand command = AppendCommand.to(StreamId.of(stream), ExpectedVersion.any(),
                List.of(NewEvent.of("A", JsonNodeFactory.instance.objectNode())));
        return new EncodedAppend(command, "{}", 2);
    }

    private static List<AppendOutcome> succeedAll(List<EncodedAppend> appends) {
        return appends.stream().map(a -> AppendOutcome.of(resultFor(a))).toList();
    }

    private static AppendResult resultFor(EncodedAppend append) {
        return new AppendResult(append.command().streamId(), 1, 1, List.of(1L), false);
    }

    private static List<Future<?>> concat(Future<?> first, List<Future<?>> rest) {
        List<Future<?>> all = new ArrayList<>(List.of(first));
        all.addAll(rest);
        return all;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
