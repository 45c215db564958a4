package dev.palisade.events.subscribe;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jboss.logging.Logger;

import dev.palisade.postgres.PgNotifications;
import dev.palisade.tenancy.TenantId;

/**
 * Tells other replicas which tenants' feeds grew, after the commits and outside their transactions: a commit only
 * adds its tenant to a set; at most {@link #WINDOW_MILLIS} later one send carries every tenant collected by then
 * (one statement, one transaction, as few notifications as the payload limit allows). So many commits of many tenants
 * cost a few notifications, and no append ever waits for PostgreSQL's notification-queue lock.
 * <p>
 * A send that fails (database unreachable) is dropped: the other replicas' poll finds those events.
 */
final class CommitBroadcaster {

    /**
     * How long commits are collected before one send: small against the promise of delivery within a second, and long
     * enough that a replica sends at most about 20 notifications a second however fast it appends (each is a
     * transaction with a commit record to flush; at 5 ms it was up to 200 a second beside the appends).
     */
    static final long WINDOW_MILLIS = 50;

    private static final Logger LOG = Logger.getLogger(CommitBroadcaster.class);

    private final PgNotifications notifications;
    private final String sender;
    private final ScheduledExecutorService thread;
    private final Set<TenantId> pending = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private volatile boolean failing;

    CommitBroadcaster(PgNotifications notifications, String sender, ScheduledExecutorService thread) {
        this.notifications = notifications;
        this.sender = sender;
        this.thread = thread;
    }

    /** Announces, soon and together with other commits, that {@code tenant}'s feed has new events. */
    void committed(TenantId tenant) {
        pending.add(tenant);
        if (scheduled.compareAndSet(false, true)) {
            try {
                thread.schedule(this::send, WINDOW_MILLIS, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException shuttingDown) {
                scheduled.set(false);
            }
        }
    }

    private void send() {
        scheduled.set(false);
        List<TenantId> tenants = new ArrayList<>();
        for (Iterator<TenantId> it = pending.iterator(); it.hasNext();) {
            tenants.add(it.next());
            it.remove();
        }
        if (tenants.isEmpty()) {
            return;
        }
        try {
            notifications.send(CommitNotice.CHANNEL, CommitNotice.payloads(sender, tenants));
            failing = false;
        } catch (SQLException | RuntimeException e) {
            if (!failing) {
                LOG.warnf("Could not tell other replicas of %d tenants' new events; their subscriptions find them "
                        + "by polling", tenants.size());
            }
            failing = true;
        }
    }
}
