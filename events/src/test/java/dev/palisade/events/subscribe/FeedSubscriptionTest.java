package dev.palisade.events.subscribe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import dev.palisade.events.EventPage;
import dev.palisade.events.FeedQuery;
import dev.palisade.events.RecordedEvent;
import dev.palisade.events.StreamId;
import dev.palisade.tenancy.TenantId;

/** The wake-up protocol of one subscription, with a scripted reader in place of the database. */
class FeedSubscriptionTest {

    private final ExecutorService executor = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    void aWakeUpDuringAReadIsNotLost() throws Exception {
        // A read finds event 1 (the end of the feed at its snapshot) while event 2's commit wakes the subscription:
        // the next next() must read again, or event 2 waits for the next wake-up (a poll interval, or never).
        CountDownLatch firstReadStarted = new CountDownLatch(1);
        CountDownLatch woken = new CountDownLatch(1);
        LinkedBlockingQueue<Long> readsAfter = new LinkedBlockingQueue<>();
        AtomicInteger reads = new AtomicInteger();
        FeedSubscription subscription = new FeedSubscription(TenantId.of("acme"), FeedQuery.after(0), (t, q) -> {
            readsAfter.add(q.after());
            if (reads.incrementAndGet() == 1) {
                firstReadStarted.countDown();
                await(woken);
                return new EventPage(List.of(event(1)), null);
            }
            return new EventPage(List.of(event(2)), null);
        }, executor, s -> {
        });

        CompletionStage<List<RecordedEvent>> first = subscription.next();
        await(firstReadStarted);
        subscription.wake();
        woken.countDown();
        assertEquals(1L, first.toCompletableFuture().get(5, TimeUnit.SECONDS).get(0).position());

        List<RecordedEvent> second = subscription.next().toCompletableFuture().get(5, TimeUnit.SECONDS);
        assertEquals(2L, second.get(0).position(), "the wake-up during the first read leads to a second read");
        assertEquals(List.of(0L, 1L), List.copyOf(readsAfter));
    }

    private static RecordedEvent event(long position) {
        return new RecordedEvent(position, StreamId.of("s"), position, java.util.UUID.randomUUID(), "A",
                JsonNodeFactory.instance.objectNode(), JsonNodeFactory.instance.objectNode(), java.time.Instant.now());
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(5, TimeUnit.SECONDS)) {
                throw new AssertionError("timed out");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
