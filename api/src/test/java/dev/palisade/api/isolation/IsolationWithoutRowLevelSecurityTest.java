package dev.palisade.api.isolation;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.palisade.api.support.WithoutRowLevelSecurity;
import dev.palisade.testing.TestSql;
import dev.palisade.testing.PostgresTestResource;
import dev.palisade.tenancy.TenantId;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The isolation contract with row-level security switched off: the Hibernate filter alone must hold. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@TestProfile(WithoutRowLevelSecurity.class)
class IsolationWithoutRowLevelSecurityTest extends IsolationContract {

    /** Its own profile, so this class gets its own service and database while row-level security is off. */
    @BeforeEach
    void switchRowLevelSecurityOff() throws SQLException {
        TestSql.setRowLevelSecurity(false, TENANT_TABLES);
    }

    @AfterAll
    static void switchRowLevelSecurityOn() throws SQLException {
        TestSql.setRowLevelSecurity(true, TENANT_TABLES);
    }

    /** Native SQL bypasses Hibernate, so without RLS it sees everything: proof that RLS really is off here. */
    @Override
    @Test
    void nativeSqlThroughTheServiceDatasourceSeesOnlyTheCurrentTenant() {
        World w = world();
        long seen = countAs(TenantId.of(w.a().id()),
                "SELECT count(*) FROM workspaces WHERE tenant_id = '" + w.b().id() + "'");
        assertTrue(seen > 0, "with RLS off, native SQL must see other tenants' rows (the filter does not cover it)");
    }
}
