package dev.palisade.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import org.junit.jupiter.api.Test;

import dev.palisade.tenancy.TenantId;
import dev.palisade.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * {@link EventsCommitted} is fired after every commit that appended events (the lanes' calls and callers'
 * transactions alike), outside any transaction, with the last position committed; never for a rollback or a retry.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class EventsCommittedTest {

    @Inject
    EventsTestSupport support;

    @Inject
    EventStore store;

    @Inject
    Observer observer;

    @Inject
    CallerTransaction caller;

    @Inject
    TransactionalWriter writer;

    @Test
    void anAppendOfItsOwnIsAnnouncedAfterItsCommit() {
        TenantId tenant = support.newTenant("announce");
        AppendCommand command = AppendCommand.to(StreamId.of("s"), ExpectedVersion.any(),
                List.of(support.event("A", 1), support.event("B", 2)));
        AppendResult result = support.append(tenant, command);
        assertEquals(List.of(new Seen(tenant, 2, false)), observer.of(tenant), "one announcement, after the commit");

        assertTrue(support.append(tenant, command).replayed());
        assertEquals(1, observer.of(tenant).size(), "a retry writes nothing and announces nothing");
        assertEquals(List.of(1L, 2L), result.positions());
    }

    @Test
    void appendsOfACallersTransactionAreAnnouncedOnceAfterItCommits() {
        TenantId tenant = support.newTenant("announce-tx");
        List<Seen> duringTransaction = support.as(tenant, () -> caller.appendTwice(tenant));
        assertEquals(List.of(), duringTransaction, "nothing is announced before the commit");
        assertEquals(List.of(new Seen(tenant, 3, false)), observer.of(tenant),
                "one announcement for the transaction, with its last position, outside it");
    }

    @Test
    void aRolledBackTransactionIsNotAnnounced() {
        TenantId tenant = support.newTenant("announce-rb");
        assertThrows(TransactionalWriter.RolledBack.class, () -> support.as(tenant, () -> writer.appendThenRollBack(
                AppendCommand.to(StreamId.of("s"), ExpectedVersion.any(), List.of(support.event("A", 1))))));
        assertEquals(List.of(), observer.of(tenant));
    }

    /** What an observer saw: the tenant, the last position, and whether a transaction was active then. */
    record Seen(TenantId tenant, long lastPosition, boolean inTransaction) {
    }

    @ApplicationScoped
    public static class Observer {

        @Inject
        TransactionSynchronizationRegistry transactions;

        private final List<Seen> seen = new CopyOnWriteArrayList<>();

        void on(@Observes EventsCommitted committed) {
            seen.add(new Seen(committed.tenant(), committed.lastPosition(),
                    transactions.getTransactionStatus() == Status.STATUS_ACTIVE));
        }

        List<Seen> of(TenantId tenant) {
            return seen.stream().filter(s -> s.tenant().equals(tenant)).toList();
        }
    }

    @ApplicationScoped
    public static class CallerTransaction {

        @Inject
        EventStore store;

        @Inject
        Observer observer;

        @Inject
        EventsTestSupport support;

        /** Two appends (three events) in one transaction; answers what was announced before it ended. */
        @Transactional
        public List<Seen> appendTwice(TenantId tenant) {
            store.append(AppendCommand.to(StreamId.of("a"), ExpectedVersion.any(), List.of(support.event("A", 1))));
            store.append(AppendCommand.to(StreamId.of("b"), ExpectedVersion.any(),
                    List.of(support.event("B", 1), support.event("B", 2))));
            return observer.of(tenant);
        }
    }
}
