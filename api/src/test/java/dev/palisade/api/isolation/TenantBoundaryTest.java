package dev.palisade.api.isolation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;

import org.junit.jupiter.api.Test;

import dev.palisade.testing.TestSql;
import dev.palisade.api.support.TenantFixture;
import dev.palisade.testing.PostgresTestResource;
import dev.palisade.tenancy.NoTenantException;
import dev.palisade.tenancy.TenantId;
import dev.palisade.tenancy.TenantMismatchException;
import dev.palisade.tenancy.context.TenantScope;
import dev.palisade.tenancy.workspace.NewWorkspace;
import dev.palisade.tenancy.workspace.Workspaces;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The edges of the tenant context: code outside HTTP, a transaction per tenant, rows that never move. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class TenantBoundaryTest {

    @Inject
    Workspaces workspaces;
    @Inject
    TenantScope tenantScope;
    @Inject
    EntityManager entityManager;

    @Test
    void codeOutsideARequestWithNoTenantIsRefused() {
        assertThrows(NoTenantException.class, () -> workspaces.list());
        assertThrows(NoTenantException.class, () -> workspaces.create(new NewWorkspace("x", "x")));
    }

    @Test
    void codeOutsideARequestSeesItsTenantOnceSet() {
        TenantFixture t = TenantFixture.create("job");
        TenantId tenant = TenantId.of(t.id());
        tenantScope.run(tenant, () -> workspaces.create(new NewWorkspace("From a job", "job")));
        assertEquals(1, tenantScope.call(tenant, () -> workspaces.list()).size());
        t.request().get("/workspaces").then().statusCode(200);
    }

    @Test
    void aTransactionBoundToOneTenantCannotServeAnother() {
        TenantFixture a = TenantFixture.create("txa");
        TenantFixture b = TenantFixture.create("txb");
        assertThrows(TenantMismatchException.class, () -> QuarkusTransaction.requiringNew().run(() -> tenantScope
                .run(TenantId.of(a.id()), () -> {
                    workspaces.list();
                    tenantScope.run(TenantId.of(b.id()), () -> workspaces.create(new NewWorkspace("x", "x")));
                })));
        assertEquals(0, TestSql.count("SELECT count(*) FROM workspaces WHERE tenant_id IN (?, ?)", a.id(), b.id()));
    }

    @Test
    void movingARowToAnotherTenantIsAnErrorEvenInNativeSql() throws SQLException {
        TenantFixture a = TenantFixture.create("mva");
        TenantFixture b = TenantFixture.create("mvb");
        String ws = a.workspace("W", "mine");
        PersistenceException viaService = assertThrows(PersistenceException.class,
                () -> tenantScope.run(TenantId.of(a.id()), () -> QuarkusTransaction.requiringNew().run(() -> {
                    entityManager.createNativeQuery("UPDATE workspaces SET tenant_id = :b WHERE id = cast(:id as uuid)")
                            .setParameter("b", b.id()).setParameter("id", ws).executeUpdate();
                })));
        SQLException cause = sqlCause(viaService);
        assertEquals("23514", cause.getSQLState(), "the tenant guard trigger refuses the move: " + cause.getMessage());
        assertTrue(cause.getMessage().contains("cannot change"), "the trigger names the rule: " + cause.getMessage());
        try (Connection su = TestSql.superuser(); Statement st = su.createStatement()) {
            SQLException e = assertThrows(SQLException.class, () -> st.executeUpdate(
                    "UPDATE workspaces SET tenant_id = '" + b.id() + "' WHERE id = '" + ws + "'"));
            assertEquals("23514", e.getSQLState(), "the trigger stops even a superuser: " + e.getMessage());
            assertTrue(e.getMessage().contains("cannot change"), "the trigger names the rule: " + e.getMessage());
        }
        assertEquals(1,
                TestSql.count("SELECT count(*) FROM workspaces WHERE tenant_id = ? AND id = ?::uuid", a.id(), ws));
    }

    private static SQLException sqlCause(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql;
            }
        }
        throw new AssertionError("expected a database error behind " + thrown, thrown);
    }
}
