package dev.palisade.tenancy.filter;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.Session;

import io.quarkus.arc.DefaultBean;

/**
 * Whether the Hibernate tenant filter is on for every session: always, unless an application replaces this bean.
 * Only tests do, with a CDI {@code @Alternative} enabled by their test profile, to prove that row-level security
 * alone keeps tenants apart; nothing in configuration can switch a wall off. {@link FilterSwitch} applies it to the
 * session of every transaction as the transaction begins.
 */
@DefaultBean
@ApplicationScoped
public class TenantFilterActivation {

    /** True: every session filters by tenant. */
    public boolean filterOn() {
        return true;
    }

    /** Switches the tenant filter of {@code session} on or off, as {@link #filterOn()} says. */
    public void apply(Session session) {
        if (!filterOn()) {
            session.disableFilter(TenantFilter.NAME);
        } else if (session.getEnabledFilter(TenantFilter.NAME) == null) {
            session.enableFilter(TenantFilter.NAME);
        }
    }
}
