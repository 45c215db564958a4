package dev.palisade.events.append;

import java.util.function.Consumer;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.jboss.logging.Logger;

import dev.palisade.events.EventsCommitted;
import dev.palisade.tenancy.TenantId;

/**
 * Announces the appends of a caller's transaction once it has committed, never before and never on a rollback: one
 * {@link EventsCommitted} per transaction, with the last position it appended. (Appends of the lanes commit inside
 * their call, and {@link EventAppender} announces them itself.)
 */
public final class CommitAnnouncement implements Synchronization {

    private static final Logger LOG = Logger.getLogger(CommitAnnouncement.class);
    private static final Object KEY = CommitAnnouncement.class.getName();

    private final TenantId tenant;
    private final Consumer<EventsCommitted> committed;
    private long lastPosition;

    private CommitAnnouncement(TenantId tenant, Consumer<EventsCommitted> committed) {
        this.tenant = tenant;
        this.committed = committed;
    }

    /**
     * Registers (once per transaction) that the current transaction appended up to {@code lastPosition} of
     * {@code tenant}'s feed; {@code committed} hears of it after the commit.
     */
    public static void afterCommit(TransactionSynchronizationRegistry transactions, TenantId tenant, long lastPosition,
            Consumer<EventsCommitted> committed) {
        CommitAnnouncement announcement = (CommitAnnouncement) transactions.getResource(KEY);
        if (announcement == null) {
            announcement = new CommitAnnouncement(tenant, committed);
            transactions.putResource(KEY, announcement);
            transactions.registerInterposedSynchronization(announcement);
        }
        announcement.lastPosition = Math.max(announcement.lastPosition, lastPosition);
    }

    @Override
    public void beforeCompletion() {
    }

    @Override
    public void afterCompletion(int status) {
        if (status == Status.STATUS_COMMITTED) {
            now(committed, tenant, lastPosition);
        }
    }

    /** Announces a commit that has happened: {@code tenant}'s feed holds every position up to {@code lastPosition}. */
    static void now(Consumer<EventsCommitted> committed, TenantId tenant, long lastPosition) {
        try {
            committed.accept(new EventsCommitted(tenant, lastPosition));
        } catch (RuntimeException e) {
            // The events are committed, and their callers must hear so; subscriptions find them by polling as well.
            LOG.warnf("Announcing committed events of tenant %s failed; subscriptions will find them by polling",
                    tenant);
            LOG.debug("announcement failure", e);
        }
    }
}
