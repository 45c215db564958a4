package dev.palisade.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** Appends inside a transaction of its own that then lingers or rolls back, as an embedding service's might. */
@ApplicationScoped
public class TransactionalWriter {

    /** Thrown to roll a writer's transaction back after its append. */
    public static class RolledBack extends RuntimeException {
        public RolledBack() {
            super("rolled back on purpose after appending");
        }
    }

    @Inject
    EventStore store;

    /** Appends, then keeps the transaction (and the tenant's position lock) open for {@code millis}. */
    @Transactional
    public AppendResult appendThenLinger(AppendCommand command, long millis) throws InterruptedException {
        AppendResult result = store.append(command);
        Thread.sleep(millis);
        return result;
    }

    /** Appends, then rolls the transaction back. */
    @Transactional
    public AppendResult appendThenRollBack(AppendCommand command) {
        store.append(command);
        throw new RolledBack();
    }
}
