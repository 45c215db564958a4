package dev.palisade.tenancy.filter;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.arc.DefaultBean;

/**
 * Whether {@code TenantSession} keeps the Hibernate tenant filter on for the sessions it binds: always, unless an
 * application replaces this bean. Only tests do, with a CDI {@code @Alternative} enabled by their test profile, to
 * prove that row-level security alone keeps tenants apart; nothing in configuration can switch a wall off.
 */
@DefaultBean
@ApplicationScoped
public class TenantFilterActivation {

    /** True: every bound session filters by tenant. */
    public boolean filterOn() {
        return true;
    }
}
