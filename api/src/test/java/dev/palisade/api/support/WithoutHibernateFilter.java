package dev.palisade.api.support;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import dev.palisade.tenancy.filter.TenantFilterActivation;
import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The test profile of every isolation contract run with the Hibernate tenant filter off, so that row-level security
 * alone must hold. One profile for all of them: Quarkus starts the application once for the classes that share it.
 */
public class WithoutHibernateFilter implements QuarkusTestProfile {

    @Override
    public Set<Class<?>> getEnabledAlternatives() {
        return Set.of(FilterOff.class);
    }

    /** Replaces the platform's "filter always on", in this profile only. */
    @Alternative
    @ApplicationScoped
    public static class FilterOff extends TenantFilterActivation {
        @Override
        public boolean filterOn() {
            return false;
        }
    }
}
