package dev.palisade.tenancy.session;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
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
 * ({@link #follow}). The setting lasts until the transaction ends, even when the tenant is cleared before that (so
 * that writes made for the tenant and flushed at commit are still checked against it).
 */
@ApplicationScoped
public class TransactionTenant {

    private static final Logger LOG = Logger.getLogger(TransactionTenant.class);
    private static final String KEY = TransactionTenant.class.getName();
    private static final String TIMEOUT = KEY + ".statementTimeout";

    private final TransactionSynchronizationRegistry transactions;
    private final DataSource dataSource;

    TransactionTenant(TransactionSynchronizationRegistry transactions, DataSource dataSource) {
        this.transactions = transactions;
        this.dataSource = dataSource;
    }

    /** The tenant the active transaction belongs to, if it is bound. */
    public Optional<TenantId> owner() {
        return Optional.ofNullable(binding());
    }

    /**
     * Refuses to make {@code tenant} current inside an active transaction that belongs to another tenant: one
     * transaction serves one tenant.
     */
    public void requireOwnable(TenantId tenant) {
        TenantId owner = binding();
        if (tenant != null && owner != null && !owner.equals(tenant)) {
            throw new TenantMismatchException("This transaction", tenant, owner.value());
        }
    }

    /**
     * Binds the active transaction to {@code tenant}, which has just become current, taking the transaction's
     * connection now if it has none yet; idempotent. Outside a transaction, or for {@code null}, it does nothing:
     * every transaction binds itself when it takes its connection.
     */
    public void follow(TenantId tenant) {
        if (tenant == null || !active()) {
            return;
        }
        requireOwnable(tenant);
        if (binding() != null) {
            return;
        }
        bindNow(tenant);
    }

    /**
     * Binds the active transaction, not bound yet, to {@code tenant} with every later statement of the transaction
     * bounded by {@code statementTimeout}, both in the one binding statement; see
     * {@link TenantSession#bind(Duration)}.
     *
     * @throws IllegalStateException no transaction is active, or it is bound already (its binding statement has run)
     */
    void followWithTimeout(TenantId tenant, Duration statementTimeout) {
        if (!active()) {
            throw new IllegalStateException("a statement timeout is bound with a transaction: none is active");
        }
        requireOwnable(tenant);
        if (binding() != null) {
            throw new IllegalStateException("this transaction is bound already: a statement timeout is bound by the "
                    + "statement that binds it, so bind it first");
        }
        transactions.putResource(TIMEOUT, statementTimeout);
        bindNow(tenant);
    }

    private void bindNow(TenantId tenant) {
        try (Connection connection = dataSource.getConnection()) {
            // Taking the transaction's first connection binds it already (BindOnAcquire): tenant is current.
            if (binding() == null) {
                TenantSession.bind(connection, tenant, timeout());
                transactions.putResource(KEY, tenant);
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
        if (tenant.isEmpty() || binding() != null) {
            return;
        }
        try {
            TenantSession.bind(connection, tenant.get(), timeout());
            transactions.putResource(KEY, tenant.get());
        } catch (SQLException | RuntimeException e) {
            // Throwing here would hand the pool a connection that is both enlisted and returned. The transaction
            // stays unbound (it sees no tenant's rows: PostgreSQL also aborts it after the failed statement) and can
            // only roll back.
            LOG.warnf("Could not bind the transaction to tenant %s (SQL state %s); it will roll back", tenant.get(),
                    e instanceof SQLException sql ? sql.getSQLState() : "none");
            transactions.setRollbackOnly();
        }
    }

    /** The statement timeout the transaction is to be bound with, if any ({@link #followWithTimeout}). */
    private Duration timeout() {
        return (Duration) transactions.getResource(TIMEOUT);
    }

    private TenantId binding() {
        return active() ? (TenantId) transactions.getResource(KEY) : null;
    }

    private boolean active() {
        return transactions.getTransactionStatus() == Status.STATUS_ACTIVE;
    }
}
