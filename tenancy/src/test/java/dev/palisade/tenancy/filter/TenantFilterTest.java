package dev.palisade.tenancy.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.palisade.testing.PostgresTestResource;
import dev.palisade.testing.TestSql;
import dev.palisade.tenancy.NoTenantException;
import dev.palisade.tenancy.TenantId;
import dev.palisade.tenancy.TenantMismatchException;
import dev.palisade.tenancy.context.TenantScope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The Hibernate tenant filter alone (row-level security is switched off on the table for this class): queries, loads
 * by id and writes through a plain {@link EntityManager}, with no call to bind the session, keep to the current
 * tenant, and with no tenant set they see nothing.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class TenantFilterTest {

    private static final TenantId ACME = TenantId.of("acme");
    private static final TenantId GLOBEX = TenantId.of("globex");
    private static final List<String> TABLE = List.of("workspaces");

    @Inject
    EntityManager entityManager;
    @Inject
    TenantScope scope;

    private UUID acmeRow;
    private UUID globexRow;

    @BeforeEach
    void twoTenantsWithOneRowEachAndNoRowLevelSecurity() throws SQLException {
        TestSql.setRowLevelSecurity(false, TABLE);
        try (Connection su = TestSql.superuser()) {
            su.createStatement().execute("INSERT INTO tenants (id, name) VALUES ('acme', 'Acme'), ('globex', 'Globex') "
                    + "ON CONFLICT DO NOTHING");
            su.createStatement().execute("DELETE FROM workspaces");
            acmeRow = insert(su, ACME);
            globexRow = insert(su, GLOBEX);
        }
    }

    @AfterAll
    static void rowLevelSecurityBackOn() throws SQLException {
        TestSql.setRowLevelSecurity(true, TABLE);
    }

    @Test
    void queriesSeeOnlyTheCurrentTenant() {
        List<UUID> seen = scope.call(ACME, () -> QuarkusTransaction.requiringNew().call(() -> entityManager
                .createQuery("from FilterProbe", FilterProbe.class).getResultStream().map(p -> p.id).toList()));
        assertEquals(List.of(acmeRow), seen);
    }

    @Test
    void aLoadByIdOfAnotherTenantsRowFindsNothing() {
        scope.run(ACME, () -> QuarkusTransaction.requiringNew().run(() -> {
            assertNull(entityManager.find(FilterProbe.class, new FilterProbe.Pk("globex", globexRow)),
                    "applyToLoadByKey: another tenant's row is not found by its id");
            assertNotNull(entityManager.find(FilterProbe.class, new FilterProbe.Pk("acme", acmeRow)));
        }));
    }

    @Test
    void withNoTenantNothingMatches() {
        long count = QuarkusTransaction.requiringNew()
                .call(() -> entityManager.createQuery("select count(p) from FilterProbe p", Long.class)
                        .getSingleResult());
        assertEquals(0L, count, "fail closed: no tenant means no rows, never all tenants'");
    }

    @Test
    void writesForAnotherTenantOrForNoneAreRefusedAndStoreNothing() {
        assertThrows(TenantMismatchException.class, () -> scope.run(ACME, () -> QuarkusTransaction.requiringNew()
                .run(() -> entityManager.persist(new FilterProbe(GLOBEX, "planted")))));
        assertThrows(NoTenantException.class, () -> QuarkusTransaction.requiringNew()
                .run(() -> entityManager.persist(new FilterProbe(ACME, "orphan"))));
        assertEquals(0, TestSql.count("SELECT count(*) FROM workspaces WHERE slug IN ('planted', 'orphan')"));
    }

    @Test
    void anOwnRowIsUpdatedAndDeletedNamingItsTenant() {
        scope.run(ACME, () -> QuarkusTransaction.requiringNew().run(() -> {
            FilterProbe own = entityManager.find(FilterProbe.class, new FilterProbe.Pk("acme", acmeRow));
            own.name = "renamed";
        }));
        assertEquals(1, TestSql.count("SELECT count(*) FROM workspaces WHERE id = ? AND name = 'renamed'", acmeRow));
        scope.run(ACME, () -> QuarkusTransaction.requiringNew().run(() -> entityManager
                .remove(entityManager.find(FilterProbe.class, new FilterProbe.Pk("acme", acmeRow)))));
        assertEquals(1, TestSql.count("SELECT count(*) FROM workspaces"), "only acme's row is gone");
    }

    private static UUID insert(Connection su, TenantId tenant) throws SQLException {
        UUID id = UUID.randomUUID();
        try (PreparedStatement st = su.prepareStatement("INSERT INTO workspaces (tenant_id, id, name, slug, "
                + "created_at, updated_at, version) VALUES (?, ?, 'W', 'w', now(), now(), 0)")) {
            st.setString(1, tenant.value());
            st.setObject(2, id);
            st.executeUpdate();
        }
        return id;
    }
}
