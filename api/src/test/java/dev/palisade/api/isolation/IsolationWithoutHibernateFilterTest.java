package dev.palisade.api.isolation;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import dev.palisade.api.support.WithoutHibernateFilter;
import dev.palisade.api.support.RecordingStatementInspector;
import dev.palisade.api.support.TenantFixture;
import dev.palisade.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The isolation contract with the Hibernate tenant filter switched off: row-level security alone must hold. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@TestProfile(WithoutHibernateFilter.class)
class IsolationWithoutHibernateFilterTest extends IsolationContract {

    /**
     * Without the filter, HQL list queries name no tenant: proof that the filter really is off in this run. (The
     * query language's lists name the tenant themselves, filter or not: the API key list is HQL still.)
     */
    @Override
    @Test
    void everyStatementToATenantTableCarriesTheTenant() {
        World w = world();
        RecordingStatementInspector.clear();
        TenantFixture.admin().get("/admin/tenants/" + w.a().id() + "/api-keys").then().statusCode(200);
        assertTrue(RecordingStatementInspector.statements().stream().filter(IsolationContract::touchesTenantTable)
                .anyMatch(sql -> !carriesTenant(sql)),
                "with the filter off, the API key list query must carry no tenant predicate");
    }
}
