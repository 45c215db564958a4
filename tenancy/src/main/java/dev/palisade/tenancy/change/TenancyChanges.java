package dev.palisade.tenancy.change;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import dev.palisade.postgres.NotifyChannel;
import dev.palisade.postgres.PgNotifications;
import dev.palisade.tenancy.TenantId;

/**
 * Tells every replica that a tenant's status or keys changed, so that caches of authentication results drop it and
 * whatever holds a credential open (a subscription) checks it again.
 * <p>
 * Inside the changing transaction it sends {@code NOTIFY palisade_tenancy, '<tenant>'} (delivered to all replicas on
 * commit) and, on this replica, drops the tenant from the caches right after the commit, so the very next request sees
 * the change. A replica whose listener reconnects drops everything, since it may have missed notifications. Each time,
 * after the caches, it fires {@link TenancyChanged}.
 */
@ApplicationScoped
public class TenancyChanges {

    /** The channel of tenancy changes; the payload is the tenant id. */
    static final NotifyChannel CHANNEL = NotifyChannel.named("palisade_tenancy");

    private final EntityManager em;
    private final TransactionSynchronizationRegistry transactions;
    private final Event<TenancyChanged> changed;
    private final List<Consumer<TenantId>> tenantListeners = new CopyOnWriteArrayList<>();
    private final List<Runnable> resetListeners = new CopyOnWriteArrayList<>();

    TenancyChanges(EntityManager em, TransactionSynchronizationRegistry transactions, PgNotifications notifications,
            Event<TenancyChanged> changed) {
        this.em = em;
        this.transactions = transactions;
        this.changed = changed;
        notifications.listen(CHANNEL, payload -> {
            if (TenantId.isValid(payload)) {
                publishLocally(TenantId.of(payload));
            }
        });
        notifications.onReconnect(() -> {
            resetListeners.forEach(Runnable::run);
            changed.fire(TenancyChanged.ofEveryTenant());
        });
    }

    /** Calls {@code listener} whenever a tenant changes, and {@code reset} when changes may have been missed. */
    public void subscribe(Consumer<TenantId> listener, Runnable reset) {
        tenantListeners.add(listener);
        resetListeners.add(reset);
    }

    /** Announces, as part of the current transaction, that the tenant's status or keys changed. */
    public void tenantChanged(TenantId tenant) {
        em.createNativeQuery("SELECT pg_notify(:channel, :tenant)").setParameter("channel", CHANNEL.name())
                .setParameter("tenant", tenant.value()).getSingleResult();
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    publishLocally(tenant);
                }
            }
        });
    }

    private void publishLocally(TenantId tenant) {
        tenantListeners.forEach(listener -> listener.accept(tenant));
        changed.fire(TenancyChanged.of(tenant));
    }
}
