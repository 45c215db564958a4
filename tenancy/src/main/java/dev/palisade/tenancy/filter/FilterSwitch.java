package dev.palisade.tenancy.filter;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionScoped;

import org.hibernate.Session;

/**
 * Applies {@link TenantFilterActivation} to the session of each transaction as it begins, so that a test profile
 * that switches the filter off switches it off for Panache and plain {@link EntityManager} code too. With the filter
 * on (always, outside such tests) it does nothing: the filter is auto-enabled.
 */
@ApplicationScoped
class FilterSwitch {

    private final TenantFilterActivation activation;
    private final EntityManager entityManager;

    FilterSwitch(TenantFilterActivation activation, EntityManager entityManager) {
        this.activation = activation;
        this.entityManager = entityManager;
    }

    void transactionBegins(@Observes @Initialized(TransactionScoped.class) Object transaction) {
        if (!activation.filterOn()) {
            activation.apply(entityManager.unwrap(Session.class));
        }
    }
}
