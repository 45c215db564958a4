package dev.palisade.events.subscribe;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import dev.palisade.events.EventPage;
import dev.palisade.events.EventStore;
import dev.palisade.events.EventStoreConfig;
import dev.palisade.events.EventsCommitted;
import dev.palisade.events.FeedQuery;
import dev.palisade.postgres.PgNotifications;
import dev.palisade.tenancy.TenantId;
import dev.palisade.tenancy.context.TenantScope;
import io.quarkus.runtime.StartupEvent;

/**
 * Live subscriptions to tenants' feeds. New events are found four ways, so that none is ever missed and most arrive
 * within milliseconds of their commit:
 * <ul>
 * <li>after every commit that appended events ({@link EventsCommitted}), this replica wakes the tenant's
 * subscriptions at once, in process;</li>
 * <li>and tells the other replicas, with a notification sent after the commit and outside its transaction, that
 * carries every tenant committed within a few milliseconds ({@link CommitBroadcaster}, {@link CommitNotice});</li>
 * <li>every {@code palisade.events.subscriptions.poll-interval} each waiting subscription reads anyway (covers a
 * notification lost while the listener reconnected, and a read that failed);</li>
 * <li>after the listener reconnects (database restart), every subscription reads.</li>
 * </ul>
 * A read is always "events after the last one returned", so a spurious wake-up costs one indexed query and a missed
 * one costs at most a poll interval, never an event.
 *
 * <pre>{@code
 * try (Subscription s = subscriptions.subscribe(tenant, FeedQuery.after(0).withTypes(Set.of("OrderPlaced")))) {
 *     List<RecordedEvent> first = s.next().toCompletableFuture().get();
 * }
 * }</pre>
 */
@ApplicationScoped
public class EventSubscriptions {

    private final EventStore store;
    private final TenantScope scope;
    private final PgNotifications notifications;
    private final EventStoreConfig.Subscriptions config;
    private final Map<TenantId, Set<FeedSubscription>> byTenant = new ConcurrentHashMap<>();
    /** Names this replica in its notices, so that it skips its own (it woke its subscribers already). */
    private final String sender = Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36);
    private ExecutorService readers;
    private ScheduledExecutorService poller;
    private ScheduledExecutorService broadcasting;
    private volatile CommitBroadcaster broadcaster;

    EventSubscriptions(EventStore store, TenantScope scope, PgNotifications notifications, EventStoreConfig config) {
        this.store = store;
        this.scope = scope;
        this.notifications = notifications;
        this.config = config.subscriptions();
    }

    /**
     * Subscribes to {@code tenant}'s feed from {@code query.after()}, with its type and time filters; its limit caps
     * how many events one {@link Subscription#next()} returns.
     */
    public Subscription subscribe(TenantId tenant, FeedQuery query) {
        start();
        FeedQuery paged = query.withLimit(Math.min(query.limit(), config.pageSize()));
        FeedSubscription subscription = new FeedSubscription(tenant, paged, this::read, readers, this::forget);
        byTenant.compute(tenant, (t, set) -> {
            Set<FeedSubscription> ofTenant = set == null ? ConcurrentHashMap.newKeySet() : set;
            ofTenant.add(subscription);
            return ofTenant;
        });
        return subscription;
    }

    /** How many subscriptions are open in this replica. */
    public int count() {
        return byTenant.values().stream().mapToInt(Set::size).sum();
    }

    private synchronized void start() {
        if (poller != null) {
            return;
        }
        readers = Executors.newFixedThreadPool(config.readThreads(), daemon("palisade-subscription-read"));
        poller = Executors.newSingleThreadScheduledExecutor(daemon("palisade-subscription-poll"));
        long every = config.pollInterval().toMillis();
        poller.scheduleWithFixedDelay(this::wakeAll, every, every, TimeUnit.MILLISECONDS);
        notifications.onReconnect(this::wakeAll);
        notifications.listen(CommitNotice.CHANNEL, this::onNotification);
    }

    /** Listens from the start, so that notices sent before the first subscription of a replica are not missed. */
    void onStart(@Observes StartupEvent started) {
        start();
    }

    /** After a commit of this replica: wake its subscribers now, and tell the other replicas soon. */
    void onCommitted(@Observes EventsCommitted committed) {
        wake(committed.tenant());
        broadcaster().committed(committed.tenant());
    }

    private CommitBroadcaster broadcaster() {
        CommitBroadcaster started = broadcaster;
        if (started != null) {
            return started;
        }
        synchronized (this) {
            if (broadcaster == null) {
                broadcasting = Executors.newSingleThreadScheduledExecutor(daemon("palisade-commit-notify"));
                broadcaster = new CommitBroadcaster(notifications, sender, broadcasting);
            }
            return broadcaster;
        }
    }

    private void onNotification(String payload) {
        CommitNotice notice = CommitNotice.parse(payload);
        if (!notice.sender().equals(sender)) {
            notice.tenants().forEach(this::wake);
        }
    }

    private void wake(TenantId tenant) {
        byTenant.getOrDefault(tenant, Set.of()).forEach(FeedSubscription::wake);
    }

    private void wakeAll() {
        byTenant.values().forEach(subscriptions -> subscriptions.forEach(FeedSubscription::wake));
    }

    private EventPage read(TenantId tenant, FeedQuery query) {
        return scope.call(tenant, () -> store.readFeed(query));
    }

    private void forget(FeedSubscription subscription) {
        byTenant.computeIfPresent(subscription.tenant(), (tenant, set) -> {
            set.remove(subscription);
            return set.isEmpty() ? null : set;
        });
    }

    @PreDestroy
    synchronized void stop() {
        byTenant.values().forEach(set -> Set.copyOf(set).forEach(FeedSubscription::close));
        if (poller != null) {
            poller.shutdownNow();
            readers.shutdownNow();
        }
        if (broadcasting != null) {
            broadcasting.shutdown();
        }
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
