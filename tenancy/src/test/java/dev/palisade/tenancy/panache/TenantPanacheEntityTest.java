package dev.palisade.tenancy.panache;

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
import jakarta.persistence.PersistenceException;

import org.hibernate.Session;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.palisade.testing.PostgresTestResource;
import dev.palisade.testing.TestSql;
import dev.palisade.tenancy.NoTenantException;
import dev.palisade.tenancy.TenantId;
import dev.palisade.tenancy.TenantMismatchException;
import dev.palisade.tenancy.context.TenantScope;
import dev.palisade.tenancy.filter.TenantFilter;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A Panache entity on {@link TenantPanacheEntity}, used as any Panache entity is (active record and repository, no
 * call to bind anything), keeps to the current tenant with both walls up and with each wall alone. Tenant globex
 * owns a row with the same id as acme's row, so that a statement naming only the id would touch both.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class TenantPanacheEntityTest {

    private static final TenantId ACME = TenantId.of("acme");
    private static final TenantId GLOBEX = TenantId.of("globex");
    private static final List<String> TABLE = List.of("workspaces");

    /** Which walls stand in a run. */
    enum Walls {
        BOTH, FILTER_ALONE, RLS_ALONE
    }

    @Inject
    TenantScope scope;
    @Inject
    ParcelRepository parcels;

    private UUID acmeRow;
    private UUID globexRow;

    @BeforeEach
    void twoTenantsWithTwoRowsEachOneOfThemSharingItsId() throws SQLException {
        try (Connection su = TestSql.superuser()) {
            su.createStatement().execute("INSERT INTO tenants (id, name) VALUES ('acme', 'Acme'), ('globex', 'Globex') "
                    + "ON CONFLICT DO NOTHING");
            su.createStatement().execute("DELETE FROM workspaces");
            acmeRow = UUID.randomUUID();
            globexRow = UUID.randomUUID();
            insert(su, ACME, acmeRow, "w");
            insert(su, GLOBEX, globexRow, "w");
            insert(su, GLOBEX, acmeRow, "twin");
        }
    }

    @AfterAll
    static void rowLevelSecurityBackOn() throws SQLException {
        TestSql.setRowLevelSecurity(true, TABLE);
    }

    @ParameterizedTest
    @EnumSource(Walls.class)
    void queriesCountsAndLoadsByIdSeeOnlyTheCurrentTenant(Walls walls) throws SQLException {
        as(ACME, walls, () -> {
            assertEquals(List.of(acmeRow), Parcel.<Parcel>listAll().stream().map(p -> p.id).toList());
            assertEquals(1, Parcel.count());
            assertEquals(1, Parcel.count("slug", "w"));
            assertEquals(0, Parcel.count("slug", "twin"), "globex's twin row is not acme's");
            assertEquals(List.of(acmeRow), Parcel.<Parcel>find("slug", "w").list().stream().map(p -> p.id).toList());
            assertNull(Parcel.findById(globexRow), "another tenant's id is not found by findById");
            assertNull(parcels.findById(globexRow), "nor through a repository");
            assertEquals("w", Parcel.<Parcel>findById(acmeRow).slug, "the own row of a shared id is acme's");
            assertEquals(1, parcels.count());
        });
    }

    @ParameterizedTest
    @EnumSource(Walls.class)
    void withNoTenantNothingIsSeen(Walls walls) throws SQLException {
        walls(walls);
        long seen = QuarkusTransaction.requiringNew().call(() -> {
            filterFor(walls);
            return Parcel.count() + Parcel.find("slug", "w").count();
        });
        assertEquals(0, seen, "fail closed: no tenant means no rows");
        assertEquals(null, QuarkusTransaction.requiringNew().call(() -> Parcel.findById(acmeRow)));
    }

    @ParameterizedTest
    @EnumSource(Walls.class)
    void persistStampsTheCurrentTenant(Walls walls) throws SQLException {
        as(GLOBEX, walls, () -> Parcel.named("fresh").persist());
        assertEquals(1, TestSql.count("SELECT count(*) FROM workspaces WHERE slug = 'fresh' AND tenant_id = 'globex'"));
    }

    @ParameterizedTest
    @EnumSource(Walls.class)
    void updatesAndDeletesOfAnEntityTouchOnlyTheCurrentTenantsRow(Walls walls) throws SQLException {
        as(ACME, walls, () -> Parcel.<Parcel>findById(acmeRow).name = "renamed");
        assertEquals(1, TestSql.count("SELECT count(*) FROM workspaces WHERE name = 'renamed'"),
                "only acme's row of the shared id is updated");
        as(ACME, walls, () -> Parcel.<Parcel>findById(acmeRow).delete());
        assertEquals(0, TestSql.count("SELECT count(*) FROM workspaces WHERE tenant_id = 'acme'"));
        assertEquals(2, TestSql.count("SELECT count(*) FROM workspaces WHERE tenant_id = 'globex'"),
                "globex's row with the same id is still there");
    }

    @ParameterizedTest
    @EnumSource(Walls.class)
    void bulkUpdatesAndDeletesKeepToTheCurrentTenant(Walls walls) throws SQLException {
        as(ACME, walls, () -> {
            Parcel.update("name = 'bulk'");
            Parcel.delete("slug", "twin");
        });
        assertEquals(1, TestSql.count("SELECT count(*) FROM workspaces WHERE name = 'bulk'"));
        assertEquals(0, TestSql.count("SELECT count(*) FROM workspaces WHERE tenant_id = 'globex' AND name = 'bulk'"));
        assertEquals(1, TestSql.count("SELECT count(*) FROM workspaces WHERE slug = 'twin'"));
    }

    @ParameterizedTest
    @EnumSource(Walls.class)
    void writesWithNoTenantOrForAnotherTenantAreRefusedAndStoreNothing(Walls walls) throws SQLException {
        walls(walls);
        assertThrows(NoTenantException.class,
                () -> QuarkusTransaction.requiringNew().run(() -> Parcel.named("orphan").persist()));
        Parcel acmes = scope.call(ACME, () -> QuarkusTransaction.requiringNew().call(() -> Parcel.findById(acmeRow)));
        acmes.slug = "planted";
        assertThrows(TenantMismatchException.class, () -> as(GLOBEX, walls,
                () -> {
                    Parcel.getEntityManager().merge(acmes);
                    Parcel.flush();
                }), "acme's row cannot be written in globex's name, not even onto globex's row of the same id");
        assertEquals(0, TestSql.count("SELECT count(*) FROM workspaces WHERE slug IN ('orphan', 'planted')"));
    }

    @ParameterizedTest
    @EnumSource(Walls.class)
    void aTenantChangeIsAnError(Walls walls) throws SQLException {
        assertThrows(PersistenceException.class,
                () -> as(ACME, walls, () -> Parcel.update("tenantId = 'globex' where id = ?1", acmeRow)));
        assertEquals(1, TestSql.count("SELECT count(*) FROM workspaces WHERE tenant_id = 'acme'"));
    }

    private void as(TenantId tenant, Walls walls, Runnable work) throws SQLException {
        walls(walls);
        scope.run(tenant, () -> QuarkusTransaction.requiringNew().run(() -> {
            filterFor(walls);
            work.run();
        }));
    }

    private static void walls(Walls walls) throws SQLException {
        TestSql.setRowLevelSecurity(walls != Walls.FILTER_ALONE, TABLE);
    }

    private static void filterFor(Walls walls) {
        if (walls == Walls.RLS_ALONE) {
            Parcel.getEntityManager().unwrap(Session.class).disableFilter(TenantFilter.NAME);
        }
    }

    private static void insert(Connection su, TenantId tenant, UUID id, String slug) throws SQLException {
        try (PreparedStatement st = su.prepareStatement("INSERT INTO workspaces (tenant_id, id, name, slug, "
                + "created_at, updated_at, version) VALUES (?, ?, 'W', ?, now(), now(), 0)")) {
            st.setString(1, tenant.value());
            st.setObject(2, id);
            st.setString(3, slug);
            st.executeUpdate();
        }
    }
}
