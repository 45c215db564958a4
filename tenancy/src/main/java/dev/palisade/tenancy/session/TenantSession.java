package dev.palisade.tenancy.session;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.hibernate.Session;

import dev.palisade.tenancy.TenancyConfig;
import dev.palisade.tenancy.TenantId;
import dev.palisade.tenancy.TenantMismatchException;
import dev.palisade.tenancy.context.CurrentTenant;
import dev.palisade.tenancy.filter.TenantFilter;
import io.quarkus.runtime.LaunchMode;

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
    private final boolean filterDisabledForTests;

    TenantSession(EntityManager entityManager, TransactionSynchronizationRegistry transactions, TenancyConfig config) {
        this.entityManager = entityManager;
        this.transactions = transactions;
        // Switching a wall off exists only to prove the other wall alone holds; it is ignored outside tests.
        this.filterDisabledForTests = config.test().disableHibernateFilter() && LaunchMode.current() == LaunchMode.TEST;
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
            entityManager.createNativeQuery("SELECT set_config('app.tenant_id', :tenant, true)")
                    .setParameter("tenant", tenant.value()).getSingleResult();
            transactions.putResource(BOUND_TENANT, tenant);
        } else if (!bound.equals(tenant)) {
            throw new TenantMismatchException("This transaction", tenant, bound.toString());
        }
        Session session = entityManager.unwrap(Session.class);
        if (filterDisabledForTests) {
            session.disableFilter(TenantFilter.NAME);
        } else if (session.getEnabledFilter(TenantFilter.NAME) == null) {
            session.enableFilter(TenantFilter.NAME);
        }
        return tenant;
    }
}
