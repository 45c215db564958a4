package dev.palisade.examples.invoices.isolation;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import org.junit.jupiter.api.Test;

import dev.palisade.examples.invoices.support.RecordingStatementInspector;
import dev.palisade.tenancy.filter.TenantFilterActivation;
import dev.palisade.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** The isolation contract with the Hibernate tenant filter switched off: row-level security alone must hold. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@TestProfile(InvoiceIsolationWithoutHibernateFilterTest.NoFilter.class)
class InvoiceIsolationWithoutHibernateFilterTest extends InvoiceIsolationContract {

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

    /** Without the filter, list queries name no tenant: proof that the filter really is off in this run. */
    @Override
    @Test
    void everyStatementToATenantTableCarriesTheTenant() {
        World w = world();
        RecordingStatementInspector.clear();
        w.a().request().get("/invoices").then().statusCode(200);
        assertTrue(RecordingStatementInspector.statements().stream()
                .filter(InvoiceIsolationContract::touchesTenantTable).anyMatch(sql -> !carriesTenant(sql)),
                "with the filter off, the invoice list query must carry no tenant predicate");
    }
}
