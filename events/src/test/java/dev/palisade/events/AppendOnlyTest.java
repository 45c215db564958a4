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
import dev.palisade.tenancy.session.TenantSession;
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
                assertEquals(INSUFFICIENT_PRIVILEGE, failure(app, sql, true).getSQLState(), sql);
            }
        }
    }

    @Test
    void serviceRoleWithoutATenantCannotEither() throws SQLException {
        try (Connection app = support.asApp()) {
            for (String sql : changes()) {
                assertEquals(INSUFFICIENT_PRIVILEGE, failure(app, sql, false).getSQLState(), sql);
            }
        }
    }

    @Test
    void ownerCannotUpdateDeleteOrTruncate() throws SQLException {
        try (Connection owner = support.asOwner()) {
            for (String sql : changes()) {
                assertRefusedAsAppendOnly(failure(owner, sql, true), sql);
            }
        }
    }

    /**
     * Without a tenant, row-level security shows the owner no row, so a row-level trigger never fires: the refusal must
     * come from the statement itself ({@code UPDATE 0} would pass silently).
     */
    @Test
    void ownerWithoutATenantIsRefusedLoudlyNotWithZeroRows() throws SQLException {
        try (Connection owner = support.asOwner()) {
            for (String sql : changes()) {
                assertRefusedAsAppendOnly(failure(owner, sql, false), sql);
            }
        }
    }

    /** A statement that matches no row at all is refused too: the rule is about the statement, not the rows. */
    @Test
    void aChangeMatchingNoRowIsRefusedToo() throws SQLException {
        try (Connection owner = support.asOwner()) {
            for (String sql : List.of("UPDATE events SET type = 'Changed' WHERE false",
                    "DELETE FROM events WHERE false")) {
                assertRefusedAsAppendOnly(failure(owner, sql, true), sql);
            }
        }
    }

    @Test
    void superuserCannotUpdateDeleteOrTruncateEither() throws SQLException {
        try (Connection su = support.asSuperuser()) {
            for (String sql : changes()) {
                assertEquals(RESTRICT_VIOLATION, failure(su, sql, true).getSQLState(), sql);
            }
        }
    }

    private List<String> changes() {
        return List.of("UPDATE events SET type = 'Changed'", "UPDATE events SET tenant_id = 'someone-else'",
                "DELETE FROM events", "TRUNCATE events");
    }

    private static void assertRefusedAsAppendOnly(SQLException e, String sql) {
        assertEquals(RESTRICT_VIOLATION, e.getSQLState(), sql + ": " + e.getMessage());
        assertTrue(e.getMessage().contains("append-only"), e.getMessage());
    }

    /**
     * Runs {@code sql}, with the tenant set (so that row-level security lets the row be seen) or with no tenant at
     * all, and returns the error.
     */
    private SQLException failure(Connection connection, String sql, boolean withTenant) throws SQLException {
        connection.setAutoCommit(false);
        try {
            if (withTenant) {
                TenantSession.bind(connection, tenant);
            }
            try (Statement st = connection.createStatement()) {
                boolean superuser = connection.getMetaData().getUserName().equals(support.superuserName());
                int visible = countVisible(st);
                // With a tenant the row must be visible, or the check proves nothing; without one, the owner and the
                // service see nothing (row-level security), which is the case a row-level trigger misses.
                assertTrue(withTenant || superuser ? visible >= 1 : visible == 0, "visible rows: " + visible);
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
