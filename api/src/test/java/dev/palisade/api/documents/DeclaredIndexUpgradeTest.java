package dev.palisade.api.documents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.junit.jupiter.api.Test;

import dev.palisade.documents.collection.Collections;
import dev.palisade.documents.collection.DeclaredIndex;
import dev.palisade.documents.index.DeclaredIndexesChange;
import dev.palisade.testing.PostgresTestResource;
import dev.palisade.testing.TestSql;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;

/**
 * An index that schema 1.3.0 built on its one-argument extractors (not LEAKPROOF) keeps readiness down, naming it, until
 * the migration has rebuilt it on the LEAKPROOF ones, expand/contract: the new one built beside it, the old one
 * dropped, the new one renamed; a unique index refuses duplicates before and after.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class DeclaredIndexUpgradeTest {

    @Inject
    @Readiness
    DocumentIndexReadinessCheck readiness;

    @Inject
    Collections collections;

    @Test
    void anIndexOfRelease130IsNotReadyUntilTheMigrationRebuildsIt() throws Exception {
        DeclaredIndex email = collections.declarations().find("customers").orElseThrow().indexes().stream()
                .filter(i -> i.name().equals("email")).findFirst().orElseThrow();
        try (Connection owner = TestSql.owner(); Statement st = owner.createStatement()) {
            // The index as release 1.3.0's migration left it: its definition then, and that definition's fingerprint.
            st.execute("DROP INDEX " + email.physicalName());
            st.execute("CREATE UNIQUE INDEX " + email.physicalName() + " ON documents (tenant_id, "
                    + "(palisade_doc_text(data #> '{email}'))) WHERE collection = 'customers'");
            st.execute("COMMENT ON INDEX " + email.physicalName() + " IS '" + email.legacyFingerprint() + "'");
        }
        HealthCheckResponse before = readiness.call();
        assertEquals(HealthCheckResponse.Status.DOWN, before.getStatus());
        String notReady = String.valueOf(before.getData().orElseThrow().get("notReady"));
        assertTrue(notReady.startsWith("customers.email: built on the extractors of schema 1.3.0"), notReady);

        try (Connection owner = TestSql.owner()) {
            Database database = DatabaseFactory.getInstance()
                    .findCorrectDatabaseImplementation(new JdbcConnection(owner));
            new DeclaredIndexesChange().execute(database);
        }
        assertEquals(HealthCheckResponse.Status.UP, readiness.call().getStatus(), String.valueOf(readiness.call()
                .getData()));
        try (Connection su = TestSql.superuser(); Statement st = su.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT pg_get_indexdef(to_regclass('" + email.physicalName()
                    + "')), obj_description(to_regclass('" + email.physicalName() + "'), 'pg_class'), to_regclass('"
                    + email.replacementName() + "') IS NULL")) {
                assertTrue(rs.next());
                assertTrue(rs.getString(1).contains("palisade_doc_text(data, '{email}'::text[])"), rs.getString(1));
                assertEquals(email.fingerprint(), rs.getString(2));
                assertTrue(rs.getBoolean(3), "the replacement's name is gone: it was renamed");
            }
            st.execute("INSERT INTO tenants (id, name) VALUES ('upgrade-t', 'U') ON CONFLICT DO NOTHING");
            st.execute("INSERT INTO documents VALUES ('upgrade-t', 'customers', 'u1', '{\"email\": \"u@x.io\"}', now(),"
                    + " now(), 0)");
            SQLException duplicate = null;
            try {
                st.execute("INSERT INTO documents VALUES ('upgrade-t', 'customers', 'u2', '{\"email\": \"u@x.io\"}',"
                        + " now(), now(), 0)");
            } catch (SQLException e) {
                duplicate = e;
            }
            assertFalse(duplicate == null, "the rebuilt unique index refuses a duplicate");
            assertEquals("23505", duplicate.getSQLState());
        }
    }
}
