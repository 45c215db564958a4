package dev.palisade.examples.invoices.isolation;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.palisade.testing.PostgresTestResource;
import dev.palisade.testing.TestSql;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** The isolation contract with row-level security switched off: the Hibernate filter alone must hold. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@TestProfile(InvoiceIsolationWithoutRowLevelSecurityTest.NoRls.class)
class InvoiceIsolationWithoutRowLevelSecurityTest extends InvoiceIsolationContract {

    /** Its own profile, so this class gets its own service and database while row-level security is off. */
    public static class NoRls implements QuarkusTestProfile {
    }

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
        long seen = as(w.a(), () -> nativeCount("SELECT count(*) FROM invoices WHERE tenant_id = '" + w.b().id()
                + "'"));
        assertTrue(seen > 0, "with RLS off, native SQL must see other tenants' rows (the filter does not cover it)");
    }
}
