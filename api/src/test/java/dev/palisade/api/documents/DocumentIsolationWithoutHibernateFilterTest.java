package dev.palisade.api.documents;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import dev.palisade.tenancy.filter.TenantFilterActivation;
import dev.palisade.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** The document isolation contract with the Hibernate tenant filter off: row-level security alone must hold. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@TestProfile(DocumentIsolationWithoutHibernateFilterTest.NoFilter.class)
class DocumentIsolationWithoutHibernateFilterTest extends DocumentIsolationContract {

    public static class NoFilter implements QuarkusTestProfile {
        @Override
        public Set<Class<?>> getEnabledAlternatives() {
            return Set.of(FilterOff.class);
        }
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
