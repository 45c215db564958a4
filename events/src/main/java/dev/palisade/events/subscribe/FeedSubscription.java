package dev.palisade.events.subscribe;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.BiFunction;
import java.util.function.Consumer;

import org.jboss.logging.Logger;

import dev.palisade.events.EventPage;
import dev.palisade.events.FeedQuery;
import dev.palisade.events.RecordedEvent;
import dev.palisade.tenancy.TenantId;

/**
 * A subscription's state machine. A wake-up (notification, poll tick, reconnection) marks it dirty; a read runs when
 * it is dirty, someone waits for events and no read is running. Wake-ups during a read are never lost: the read
 * ends by checking for them again. A failed read (database down) leaves the subscription waiting for the next wake.
 */
final class FeedSubscription implements Subscription {

    private static final Logger LOG = Logger.getLogger(FeedSubscription.class);

    private final TenantId tenant;
    private final FeedQuery query;
    private final BiFunction<TenantId, FeedQuery, EventPage> reader;
    private final Executor executor;
    private final Consumer<FeedSubscription> onClose;

    private long position;
    private CompletableFuture<List<RecordedEvent>> waiting;
    private boolean dirty = true;
    private boolean reading;
    private boolean failing;
    private boolean closed;

    FeedSubscription(TenantId tenant, FeedQuery query, BiFunction<TenantId, FeedQuery, EventPage> reader,
            Executor executor, Consumer<FeedSubscription> onClose) {
        this.tenant = tenant;
        this.query = query;
        this.reader = reader;
        this.executor = executor;
        this.onClose = onClose;
        this.position = query.after();
    }

    TenantId tenant() {
        return tenant;
    }

    @Override
    public synchronized CompletionStage<List<RecordedEvent>> next() {
        if (closed) {
            return CompletableFuture.failedFuture(new IllegalStateException("the subscription is closed"));
        }
        if (waiting != null) {
            throw new IllegalStateException("next() was called again before its previous stage completed");
        }
        CompletableFuture<List<RecordedEvent>> stage = new CompletableFuture<>();
        waiting = stage;
        readIfDue();
        return stage;
    }

    @Override
    public synchronized long position() {
        return position;
    }

    /** Something may have committed: read when someone waits. */
    synchronized void wake() {
        dirty = true;
        readIfDue();
    }

    @Override
    public void close() {
        CompletableFuture<List<RecordedEvent>> pending;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            pending = waiting;
            waiting = null;
        }
        if (pending != null) {
            pending.cancel(false);
        }
        onClose.accept(this);
    }

    private void readIfDue() {
        if (!closed && waiting != null && dirty && !reading) {
            reading = true;
            dirty = false;
            executor.execute(this::read);
        }
    }

    private void read() {
        long after;
        synchronized (this) {
            after = position;
        }
        EventPage page = null;
        try {
            page = reader.apply(tenant, query.continuingAfter(after));
        } catch (RuntimeException e) {
            if (!failing) {
                LOG.warnf("A subscription of tenant %s could not read the feed after %d (%s); it retries on the next "
                        + "notification or poll", tenant, after, e.getClass().getSimpleName());
            }
        }
        CompletableFuture<List<RecordedEvent>> complete = null;
        synchronized (this) {
            reading = false;
            failing = page == null;
            if (page != null && !page.events().isEmpty()) {
                position = page.events().get(page.events().size() - 1).position();
                // A wake-up that came while this read ran may stand for a commit the read did not see: keep it.
                dirty = dirty || page.next() != null;
                complete = waiting;
                waiting = null;
            }
            readIfDue();
        }
        if (complete != null) {
            complete.complete(page.events());
        }
    }
}
