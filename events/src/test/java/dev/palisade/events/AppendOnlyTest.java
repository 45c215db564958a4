package dev.palisade.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.palisade.tenancy.TenantId;
import dev.palisade.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The database itself keeps events append-only: for the service role, the owner and even a superuser. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class AppendOnlyTest {

    private static final String INSUFFICIENT_PRIVILEGE = "42501";
    private static final String RESTRICT_VIOLATION = "23001";

    @Inject
    EventsTestSupport support;

    private TenantId tenant;

    @BeforeEach
    void recordAnEvent() {
        tenant = support.newTenant("immutable");
        support.append(tenant,
                AppendCommand.to(StreamId.of("s"), ExpectedVersion.any(), List.of(support.event("A", 1))));
    }

    @Test
    void serviceRoleIsGrantedOnlySelectAndInsert() throws SQLException {
        Set<String> privileges = new TreeSet<>();
        try (Connection su = support.asSuperuser();
                PreparedStatement st = su.prepareStatement("""
                        SELECT a.privilege_type
                          FROM pg_class c, aclexplode(c.relacl) a
                          JOIN pg_roles r ON r.oid = a.grantee
                         WHERE c.oid = 'public.events'::regclass AND r.rolname = ?
                        """)) {
            st.setString(1, support.appRole());
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    privileges.add(rs.getString(1));
                }
            }
        }
        assertEquals(Set.of("INSERT", "SELECT"), privileges);
    }

    @Test
    void serviceRoleCannotUpdateDeleteOrTruncate() throws SQLException {
        try (Connection app = support.asApp()) {
            for (String sql : changes()) {
                assertEquals(INSUFFICIENT_PRIVILEGE, failure(app, sql).getSQLState(), sql);
            }
        }
    }

    @Test
    void ownerCannotUpdateDeleteOrTruncate() throws SQLException {
        try (Connection owner = support.asOwner()) {
            for (String sql : changes()) {
                SQLException e = failure(owner, sql);
                assertEquals(RESTRICT_VIOLATION, e.getSQLState(), sql + ": " + e.getMessage());
                assertTrue(e.getMessage().contains("append-only"), e.getMessage());
            }
        }
    }

    @Test
    void superuserCannotUpdateDeleteOrTruncateEither() throws SQLException {
        try (Connection su = support.asSuperuser()) {
            for (String sql : changes()) {
                assertEquals(RESTRICT_VIOLATION, failure(su, sql).getSQLState(), sql);
            }
        }
    }

    private List<String> changes() {
        return List.of("UPDATE events SET type = 'Changed'", "UPDATE events SET tenant_id = 'someone-else'",
                "DELETE FROM events", "TRUNCATE events");
    }

    /** Runs {@code sql} with the tenant set (so that row-level security lets the row be seen) and returns the error. */
    private SQLException failure(Connection connection, String sql) throws SQLException {
        connection.setAutoCommit(false);
        try {
            try (PreparedStatement bind = connection.prepareStatement("SELECT set_config('app.tenant_id', ?, true)")) {
                bind.setString(1, tenant.value());
                bind.executeQuery().close();
            }
            try (Statement st = connection.createStatement()) {
                assertTrue(countVisible(st) >= 1, "the row must be visible, or the check proves nothing");
            }
            return assertThrows(SQLException.class, () -> {
                try (Statement st = connection.createStatement()) {
                    st.execute(sql);
                }
            }, sql + " must fail");
        } finally {
            connection.rollback();
        }
    }

    private static int countVisible(Statement st) throws SQLException {
        try (ResultSet rs = st.executeQuery("SELECT count(*) FROM events")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
