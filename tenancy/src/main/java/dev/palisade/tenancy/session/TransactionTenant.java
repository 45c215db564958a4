package dev.palisade.tenancy.session;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.jboss.logging.Logger;

import dev.palisade.tenancy.TenantId;
import dev.palisade.tenancy.TenantMismatchException;
import dev.palisade.tenancy.context.CurrentTenant;

/**
 * The tenant of the current transaction, as row-level security sees it. A transaction belongs to the first tenant
 * that touches it, for its whole life; {@code app.tenant_id} is set on its connection by
 * {@link TenantSession#bind(Connection, TenantId)} when that connection is taken from the pool with a tenant current
 * ({@link BindOnAcquire}), or when a tenant becomes current while the transaction already holds its connection
 * ({@link #follow}). When the tenant is cleared inside the transaction, the setting is cleared with it.
 */
@ApplicationScoped
public class TransactionTenant {

    private static final Logger LOG = Logger.getLogger(TransactionTenant.class);
    private static final String KEY = TransactionTenant.class.getName();

    /** Whose transaction this is, and whether the connection carries that tenant right now. */
    private static final class Binding {
        final TenantId owner;
        boolean live;

        Binding(TenantId owner) {
            this.owner = owner;
        }
    }

    private final TransactionSynchronizationRegistry transactions;
    private final DataSource dataSource;

    TransactionTenant(TransactionSynchronizationRegistry transactions, DataSource dataSource) {
        this.transactions = transactions;
        this.dataSource = dataSource;
    }

    /** The tenant the active transaction belongs to, if it is bound. */
    public Optional<TenantId> owner() {
        Binding b = binding();
        return b == null ? Optional.empty() : Optional.of(b.owner);
    }

    /**
     * Refuses to make {@code tenant} current inside an active transaction that belongs to another tenant: one
     * transaction serves one tenant.
     */
    public void requireOwnable(TenantId tenant) {
        Binding b = binding();
        if (tenant != null && b != null && !b.owner.equals(tenant)) {
            throw new TenantMismatchException("This transaction", tenant, b.owner.value());
        }
    }

    /**
     * Makes row-level security follow a change of the current tenant inside an active transaction: binds the
     * transaction to {@code tenant} (taking its connection now, if it has none yet), or clears the setting when
     * {@code tenant} is {@code null}. Outside a transaction it does nothing: every transaction binds itself.
     */
    public void follow(TenantId tenant) {
        if (!active()) {
            return;
        }
        requireOwnable(tenant);
        Binding b = binding();
        if (tenant == null ? b == null || !b.live : b != null && b.live) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            // Taking the transaction's first connection binds it already (BindOnAcquire), when tenant is current.
            Binding now = binding();
            if (tenant == null) {
                TenantSession.bind(connection, null);
                now.live = false;
            } else if (now == null || !now.live) {
                TenantSession.bind(connection, tenant);
                bound(tenant);
            }
        } catch (SQLException e) {
            throw new PersistenceException("Binding the transaction to its tenant failed", e);
        }
    }

    /** Called by {@link BindOnAcquire} with the transaction's connection as it leaves the pool. Never throws. */
    void onAcquire(Connection connection) {
        if (!active()) {
            return;
        }
        Optional<TenantId> tenant = CurrentTenant.get();
        Binding b = binding();
        if (tenant.isEmpty() || b != null && (b.live || !b.owner.equals(tenant.get()))) {
            return;
        }
        try {
            TenantSession.bind(connection, tenant.get());
            bound(tenant.get());
        } catch (SQLException | RuntimeException e) {
            // Throwing here would hand the pool a connection that is both enlisted and returned. The transaction
            // stays unbound (it sees no tenant's rows: PostgreSQL also aborts it after the failed statement) and can
            // only roll back.
            LOG.warnf("Could not bind the transaction to tenant %s (SQL state %s); it will roll back", tenant.get(),
                    e instanceof SQLException sql ? sql.getSQLState() : "none");
            transactions.setRollbackOnly();
        }
    }

    private void bound(TenantId tenant) {
        Binding b = binding();
        if (b == null) {
            b = new Binding(tenant);
            transactions.putResource(KEY, b);
        }
        b.live = true;
    }

    private Binding binding() {
        return active() ? (Binding) transactions.getResource(KEY) : null;
    }

    private boolean active() {
        return transactions.getTransactionStatus() == Status.STATUS_ACTIVE;
    }
}
