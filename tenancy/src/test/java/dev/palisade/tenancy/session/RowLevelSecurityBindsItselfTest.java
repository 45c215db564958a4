package dev.palisade.tenancy.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.palisade.testing.PostgresTestResource;
import dev.palisade.testing.TestSql;
import dev.palisade.tenancy.TenantId;
import dev.palisade.tenancy.TenantMismatchException;
import dev.palisade.tenancy.context.TenantScope;
import dev.palisade.tenancy.filter.TenantFilter;
import dev.palisade.tenancy.panache.Parcel;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Row-level security binds itself: with the Hibernate filter off and no call to {@code TenantSession}, a Panache
 * query, an entity manager query, a native query and plain JDBC on the application's datasource see only the current
 * tenant's rows, and nothing with no tenant. The test pool holds one connection, so consecutive transactions share it:
 * nothing of a tenant survives a commit, a rollback, or the database closing the connection.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class RowLevelSecurityBindsItselfTest {

    private static final TenantId ACME = TenantId.of("acme");
    private static final TenantId GLOBEX = TenantId.of("globex");

    @Inject
    TenantScope scope;
    @Inject
    EntityManager entityManager;
    @Inject
    DataSource dataSource;

    @BeforeEach
    void eachTenantOwnsOneRow() throws SQLException {
        TestSql.setRowLevelSecurity(true, List.of("workspaces"));
        try (Connection su = TestSql.superuser()) {
            su.createStatement().execute("INSERT INTO tenants (id, name) VALUES ('acme', 'Acme'), ('globex', 'Globex') "
                    + "ON CONFLICT DO NOTHING");
            su.createStatement().execute("DELETE FROM workspaces");
            for (String tenant : new String[]{"acme", "globex"}) {
                try (PreparedStatement st = su.prepareStatement("INSERT INTO workspaces (tenant_id, id, name, slug, "
                        + "created_at, updated_at, version) VALUES (?, ?, 'W', 'w', now(), now(), 0)")) {
                    st.setString(1, tenant);
                    st.setObject(2, UUID.randomUUID());
                    st.executeUpdate();
                }
            }
        }
    }

    @Test
    void everyKindOfQuerySeesOnlyTheCurrentTenantWithTheFilterOff() {
        assertEquals("1 1 1 1", scope.call(ACME, () -> QuarkusTransaction.requiringNew().call(this::countEveryWay)));
        assertEquals("1 1 1 1", scope.call(GLOBEX, () -> QuarkusTransaction.requiringNew().call(this::countEveryWay)));
    }

    @Test
    void withNoTenantEveryKindOfQuerySeesNothing() {
        assertEquals("0 0 0 0", QuarkusTransaction.requiringNew().call(this::countEveryWay));
    }

    @Test
    void aTenantSetInsideATransactionThatHoldsItsConnectionBindsItUntilTheTransactionEnds() {
        String seen = QuarkusTransaction.requiringNew().call(() -> {
            String before = countEveryWay();
            String inside = scope.call(ACME, this::countEveryWay);
            String after = countEveryWay();
            return before + " | " + inside + " | " + after;
        });
        assertEquals("0 0 0 0 | 1 1 1 1 | 1 1 1 1", seen,
                "bound once a tenant is current, and the transaction stays that tenant's (the filter is off here)");
        assertEquals("0 0 0 0", QuarkusTransaction.requiringNew().call(this::countEveryWay), "not the next one");
    }

    @Test
    void aSecondTenantInOneTransactionIsRefused() {
        assertThrows(TenantMismatchException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            scope.run(ACME, this::countEveryWay);
            scope.run(GLOBEX, this::countEveryWay);
        }));
        assertThrows(TenantMismatchException.class, () -> scope.run(ACME, () -> QuarkusTransaction.requiringNew()
                .run(() -> scope.run(GLOBEX, this::countEveryWay))));
    }

    @Test
    void nothingOfATenantOutlivesACommitOrARollback() {
        long pid = scope.call(ACME, () -> QuarkusTransaction.requiringNew().call(() -> {
            countEveryWay();
            return backendPid();
        }));
        assertEquals("0 0 0 0", QuarkusTransaction.requiringNew().call(this::countEveryWay), "after a commit");
        assertEquals(pid, (long) QuarkusTransaction.requiringNew().call(this::backendPid),
                "the test only proves something if both transactions used the same connection");

        IllegalStateException abort = new IllegalStateException("abort");
        assertEquals(abort, assertThrows(IllegalStateException.class,
                () -> scope.run(GLOBEX, () -> QuarkusTransaction.requiringNew().run(() -> {
                    countEveryWay();
                    throw abort;
                }))));
        assertEquals("0 0 0 0", QuarkusTransaction.requiringNew().call(this::countEveryWay), "after a rollback");
        assertEquals(pid, (long) QuarkusTransaction.requiringNew().call(this::backendPid));
    }

    @Test
    void aConnectionClosedByTheDatabaseIsReplacedAndTheNewOneBindsItselfToo() throws SQLException {
        long pid = scope.call(ACME, () -> QuarkusTransaction.requiringNew().call(() -> {
            countEveryWay();
            return backendPid();
        }));
        try (Connection su = TestSql.superuser();
                PreparedStatement st = su.prepareStatement("SELECT pg_terminate_backend(?)")) {
            st.setInt(1, (int) pid);
            st.executeQuery().close();
        }
        // The pool hands out the dead connection once more; that transaction fails, and the pool drops it.
        String seen = null;
        for (int attempt = 0; attempt < 3 && seen == null; attempt++) {
            try {
                seen = scope.call(GLOBEX, () -> QuarkusTransaction.requiringNew().call(this::countEveryWay));
            } catch (RuntimeException expected) {
                // the dead connection
            }
        }
        assertEquals("1 1 1 1", seen, "a new connection is bound to its transaction's tenant");
        assertEquals("0 0 0 0", QuarkusTransaction.requiringNew().call(this::countEveryWay), "and unbound after it");
        assertNotEquals(pid, (long) QuarkusTransaction.requiringNew().call(this::backendPid),
                "the test only proves something if the connection was really replaced");
    }

    /** Panache, JPQL, native SQL through the entity manager and JDBC on the datasource, with the filter off. */
    private String countEveryWay() {
        entityManager.unwrap(Session.class).disableFilter(TenantFilter.NAME);
        long panache = Parcel.count();
        long jpql = entityManager.createQuery("select count(p) from Parcel p", Long.class).getSingleResult();
        long nativeSql = ((Number) entityManager.createNativeQuery("SELECT count(*) FROM workspaces")
                .getSingleResult()).longValue();
        long jdbc;
        try (Connection c = dataSource.getConnection();
                ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM workspaces")) {
            rs.next();
            jdbc = rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("the JDBC count failed", e);
        }
        return panache + " " + jpql + " " + nativeSql + " " + jdbc;
    }

    private long backendPid() {
        return ((Number) entityManager.createNativeQuery("SELECT pg_backend_pid()").getSingleResult()).longValue();
    }
}
