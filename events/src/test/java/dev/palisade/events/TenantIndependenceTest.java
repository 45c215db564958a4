package dev.palisade.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.palisade.tenancy.TenantId;
import dev.palisade.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * One tenant's long transaction holds back only that tenant's other writers: other tenants append and read at full
 * speed, and even that tenant's readers are never blocked.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class TenantIndependenceTest {

    private static final long LINGER_MILLIS = 3_000;

    @Inject
    EventsTestSupport support;

    @Inject
    EventStore store;

    @Inject
    TransactionalWriter writer;

    @Test
    void longTransactionOfOneTenantDoesNotStallOtherTenants() throws Exception {
        TenantId slow = support.newTenant("slow");
        TenantId other = support.newTenant("other");
        support.append(slow, AppendCommand.to(StreamId.of("s"), ExpectedVersion.any(), List.of(support.event("A", 1))));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CompletableFuture<Void> appended = new CompletableFuture<>();
            Future<AppendResult> lingering = pool.submit(() -> support.as(slow, () -> {
                AppendResult r = writer.appendThenLinger(AppendCommand.to(StreamId.of("s"), ExpectedVersion.any(),
                        List.of(support.event("A", 2))), LINGER_MILLIS);
                appended.complete(null);
                return r;
            }));
            Thread.sleep(300); // the slow tenant's transaction now holds its position lock

            long started = System.nanoTime();
            for (int i = 0; i < 20; i++) {
                support.append(other, AppendCommand.to(StreamId.of("o-" + i), ExpectedVersion.any(),
                        List.of(support.event("B", i))));
            }
            EventPage otherFeed = support.as(other, () -> store.readFeed(FeedQuery.after(0)));
            EventPage slowFeed = support.as(slow, () -> store.readFeed(FeedQuery.after(0)));
            long elapsedMillis = (System.nanoTime() - started) / 1_000_000;

            assertFalse(lingering.isDone(), "the slow tenant's transaction must still be open for this to prove "
                    + "anything");
            assertTrue(elapsedMillis < LINGER_MILLIS / 2, "other tenants' appends and reads must not wait for the "
                    + "slow tenant's transaction; took " + elapsedMillis + " ms");
            assertEquals(20, otherFeed.events().size());
            assertEquals(1, slowFeed.events().size(), "the slow tenant's reader sees what committed, unblocked");

            Future<AppendResult> queued = pool.submit(() -> support.append(slow, AppendCommand.to(StreamId.of("t"),
                    ExpectedVersion.any(), List.of(support.event("A", 3)))));
            Thread.sleep(300);
            assertFalse(queued.isDone(), "the slow tenant's own next append waits for its open transaction");
            assertEquals(List.of(2L), lingering.get(10, TimeUnit.SECONDS).positions());
            assertEquals(List.of(3L), queued.get(10, TimeUnit.SECONDS).positions(), "and then takes the next position");
        } finally {
            pool.shutdownNow();
        }
    }
}
