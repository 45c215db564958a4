package dev.palisade.tenancy.session;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.hibernate.Session;

import dev.palisade.tenancy.TenantId;
import dev.palisade.tenancy.TenantMismatchException;
import dev.palisade.tenancy.context.CurrentTenant;
import dev.palisade.tenancy.filter.TenantFilterActivation;

/**
 * The current transaction's entity manager, bound to the current tenant, for code that wants the check spelled out.
 * <p>
 * Nothing needs to call it for row-level security: the platform binds every transaction to its tenant by itself
 * ({@link TransactionTenant}). {@link #bind()} checks that a tenant is current and a transaction active, binds that
 * transaction now (idempotent; another tenant is a {@link TenantMismatchException}) and keeps the Hibernate tenant
 * filter as {@link TenantFilterActivation} says. {@link #bind(Connection, TenantId)} is the one statement that sets
 * the tenant for row-level security, for this module and for JDBC code that holds a connection of its own.
 * <p>
 * Repositories require the caller's transaction: outside one this throws.
 */
@ApplicationScoped
public class TenantSession {

    private final EntityManager entityManager;
    private final TransactionSynchronizationRegistry transactions;
    private final TenantFilterActivation filter;
    private final TransactionTenant transactionTenant;

    TenantSession(EntityManager entityManager, TransactionSynchronizationRegistry transactions,
            TenantFilterActivation filter, TransactionTenant transactionTenant) {
        this.entityManager = entityManager;
        this.transactions = transactions;
        this.filter = filter;
        this.transactionTenant = transactionTenant;
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
        transactionTenant.follow(tenant);
        filter.apply(entityManager.unwrap(Session.class));
        return tenant;
    }

    /**
     * Binds the current transaction, which must not be bound yet, to the current tenant and bounds every later
     * statement of it by {@code statementTimeout}: both settings in the one binding statement, so the bound costs
     * no round trip of its own. Like the binding, the timeout is transaction-local and lasts until the transaction
     * ends, so this is for a transaction that ends with the work it bounds, e.g. a query's own
     * ({@code QueryTransactions}). Otherwise as {@link #bind()}.
     *
     * @throws IllegalStateException no tenant is current, no transaction active, or it is bound already
     */
    public TenantId bind(Duration statementTimeout) {
        TenantId tenant = CurrentTenant.require();
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            throw new IllegalStateException("tenant data is only reachable inside an active transaction");
        }
        transactionTenant.followWithTimeout(tenant, statementTimeout);
        filter.apply(entityManager.unwrap(Session.class));
        return tenant;
    }

    private static final String BIND = """
            SELECT set_config('app.tenant_id', ?, true)
            """;
    private static final String BIND_WITH_TIMEOUT = """
            SELECT set_config('app.tenant_id', ?, true), set_config('statement_timeout', ?, true)
            """;

    /**
     * Binds the transaction open on {@code connection} to {@code tenant} for row-level security: the one statement that does so, for this module and for JDBC code that holds a connection of its own
     * (the event store). The setting is transaction-local, so it ends with the transaction, committed or rolled back,
     * and never leaks through the pool.
     * <p>
     * The database side of this rule: {@code palisade_current_tenant()} reads the setting, and
     * {@code palisade_append_events} binds an unbound call the same way (schema release 1.2.0); a test of the event
     * store ({@code AppendProtocolTest}) proves they agree. Citus forwards {@code SET LOCAL} to its workers but not
     * {@code set_config(..., true)}: a move to {@code SET LOCAL} is a change of this method alone.
     */
    public static void bind(Connection connection, TenantId tenant) throws SQLException {
        bind(connection, tenant, null);
    }

    /**
     * {@link #bind(Connection, TenantId)}, and with a {@code statementTimeout} (unless {@code null}) set in the same
     * statement, transaction-local too: PostgreSQL cancels any later statement of the transaction that runs longer
     * (SQLSTATE 57014).
     */
    public static void bind(Connection connection, TenantId tenant, Duration statementTimeout) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement(statementTimeout == null ? BIND : BIND_WITH_TIMEOUT)) {
            st.setString(1, tenant.value());
            if (statementTimeout != null) {
                st.setString(2, statementTimeout.toMillis() + "ms");
            }
            st.executeQuery().close();
        }
    }
}
