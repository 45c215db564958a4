package dev.palisade.schema;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.palisade.schema.check.SchemaCheck;
import dev.palisade.schema.check.SchemaReport;
import dev.palisade.testing.TestDatabase;

/**
 * The rules of schema/README.md over Palisade's own changelog, through the same {@link SchemaCheck} an embedder runs
 * over theirs (the rules live there, once).
 */
class SchemaRulesTest {

    private static TestDatabase db;
    private static SchemaReport report;

    @BeforeAll
    static void check() {
        db = TestDatabase.provision();
        report = SchemaCheck.of(Changelog.MASTER).report(db);
    }

    @AfterAll
    static void drop() {
        if (db != null) {
            db.close();
        }
    }

    @Test
    void palisadesChangelogFollowsEveryRule() {
        report.orThrow();
        assertTrue(report.tenantTables().containsAll(List.of("api_keys", "event_positions", "events",
                "tenant_configs", "workspace_configs", "workspaces")),
                "the catalog rules covered every tenant table: " + report);
    }

    @Test
    void serviceRoleCannotBypassRowLevelSecurity() throws SQLException {
        // a property of deploy/postgres/bootstrap.sql, which the check relies on rather than checks
        try (Connection su = db.connect(db.superuser());
                Statement st = su.createStatement();
                ResultSet rs = st.executeQuery("SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = '%s'"
                        .formatted(db.app().username()))) {
            assertTrue(rs.next(), "the service role exists");
            assertFalse(rs.getBoolean(1), "service role must not be a superuser");
            assertFalse(rs.getBoolean(2), "service role must be NOBYPASSRLS");
        }
    }
}
