package dev.palisade.tenancy.session;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.hibernate.Session;

import dev.palisade.tenancy.TenantId;
import dev.palisade.tenancy.TenantMismatchException;
import dev.palisade.tenancy.context.CurrentTenant;
import dev.palisade.tenancy.filter.TenantFilter;
import dev.palisade.tenancy.filter.TenantFilterActivation;

/**
 * The way into tenant data: binds the current transaction to the current tenant before handing out the
 * {@link EntityManager}.
 * <p>
 * Binding runs {@code set_config('app.tenant_id', tenant, true)} once per transaction, so PostgreSQL row-level
 * security sees the tenant for exactly that transaction (it cannot leak to the next user of the pooled connection),
 * and checks that the Hibernate tenant filter is on. A transaction is bound to one tenant for its whole life: binding
 * it to another is a {@link TenantMismatchException}. Code that uses the datasource directly (native SQL, JDBC
 * batches) calls {@link #bind()} first; it shares the transaction's connection.
 * <p>
 * Repositories require the caller's transaction: outside one this throws.
 */
@ApplicationScoped
public class TenantSession {

    private static final String BOUND_TENANT = TenantSession.class.getName() + ".tenant";

    private final EntityManager entityManager;
    private final TransactionSynchronizationRegistry transactions;
    private final TenantFilterActivation filter;

    TenantSession(EntityManager entityManager, TransactionSynchronizationRegistry transactions,
            TenantFilterActivation filter) {
        this.entityManager = entityManager;
        this.transactions = transactions;
        this.filter = filter;
    }

    /** The entity manager of the current transaction, bound to the current tenant. */
    public EntityManager entityManager() {
        bind();
        return entityManager;
    }

    /** Binds the current transaction to the current tenant (idempotent) and returns that tenant. */
    public TenantId bind() {
        TenantId tenant = CurrentTenant.require();
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            throw new IllegalStateException("tenant data is only reachable inside an active transaction");
        }
        Object bound = transactions.getResource(BOUND_TENANT);
        if (bound == null) {
            entityManager.unwrap(Session.class).doWork(connection -> bind(connection, tenant));
            transactions.putResource(BOUND_TENANT, tenant);
        } else if (!bound.equals(tenant)) {
            throw new TenantMismatchException("This transaction", tenant, bound.toString());
        }
        Session session = entityManager.unwrap(Session.class);
        if (!filter.filterOn()) {
            session.disableFilter(TenantFilter.NAME);
        } else if (session.getEnabledFilter(TenantFilter.NAME) == null) {
            session.enableFilter(TenantFilter.NAME);
        }
        return tenant;
    }

    private static final String BIND = """
            SELECT set_config('app.tenant_id', ?, true)
            """;

    /**
     * Binds the transaction open on {@code connection} to {@code tenant} for row-level security: the one statement
     * that does so, for this class and for JDBC code that holds a connection of its own (the event store). The
     * setting is transaction-local, so it ends with the transaction and never leaks through the pool.
     * <p>
     * The database side of this rule: {@code palisade_current_tenant()} reads the setting, and
     * {@code palisade_append_events} binds an unbound call the same way (schema release 1.2.0); a test of the event
     * store ({@code AppendProtocolTest}) proves they agree. Citus forwards {@code SET LOCAL} to its workers but not
     * {@code set_config(..., true)}: a move to {@code SET LOCAL} is a change of this method alone.
     */
    public static void bind(Connection connection, TenantId tenant) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement(BIND)) {
            st.setString(1, tenant.value());
            st.executeQuery().close();
        }
    }
}
