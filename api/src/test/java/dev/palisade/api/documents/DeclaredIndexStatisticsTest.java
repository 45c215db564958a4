package dev.palisade.api.documents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;

/**
 * The migration gives each declared index's fields planner statistics (the collection beside the field's
 * expression), owned by the owner role, recreates one dropped by hand, drops those of an index that is gone, and
 * readiness does not depend on them. That the planner uses them as the service role: {@code DocumentIndexUseTest}.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class DeclaredIndexStatisticsTest {

    @Inject
    Collections collections;

    @Inject
    @Readiness
    DocumentIndexReadinessCheck readiness;

    @Test
    void everyDeclaredFieldHasStatisticsOwnedByTheOwner() throws Exception {
        Map<String, String> found = statistics();
        for (DeclaredIndex index : collections.declarations().indexes()) {
            List<String> names = index.statisticsNames();
            for (int i = 0; i < names.size(); i++) {
                String definition = found.get(names.get(i));
                assertTrue(definition != null, "no statistics " + names.get(i) + " for " + index + " in " + found);
                assertTrue(definition.replace("::text[]", "").contains(index.fields().get(i).sqlExpression("data")),
                        definition);
                assertTrue(definition.contains("collection"), definition);
            }
        }
        try (Connection owner = TestSql.owner();
                Statement st = owner.createStatement();
                ResultSet rs = st.executeQuery("SELECT count(*) FILTER (WHERE stxowner = current_user::regrole), "
                        + "count(*) FROM pg_statistic_ext WHERE stxname LIKE 'doc\\_stats\\_%'")) {
            assertTrue(rs.next());
            assertEquals(rs.getLong(2), rs.getLong(1), "every one owned by the owner role");
        }
    }

    @Test
    void theMigrationRecreatesMissingStatisticsAndDropsThoseOfIndexesThatAreGone() throws Exception {
        DeclaredIndex email = collections.declarations().find("customers").orElseThrow().indexes().get(0);
        String orphan = DeclaredIndex.statisticsPrefix("palisade:00000000deadbeef") + "1";
        try (Connection owner = TestSql.owner(); Statement st = owner.createStatement()) {
            st.execute("DROP STATISTICS " + email.statisticsNames().get(0));
            st.execute("CREATE STATISTICS " + orphan + " ON collection, (palisade_doc_text(data, '{gone}')) FROM "
                    + "documents");
        }
        assertEquals(HealthCheckResponse.Status.UP, readiness.call().getStatus(),
                "missing statistics make plans worse, never results: readiness ignores them");

        migrate();
        Map<String, String> found = statistics();
        assertTrue(found.containsKey(email.statisticsNames().get(0)), "recreated: " + found);
        assertFalse(found.containsKey(orphan), "no standing index has its fingerprint: " + found);
    }

    @Test
    void theRollbackDropsTheStatisticsWithTheIndexes() throws Exception {
        try (Connection owner = TestSql.owner()) {
            new DeclaredIndexesChange().rollback(DatabaseFactory.getInstance()
                    .findCorrectDatabaseImplementation(new JdbcConnection(owner)));
        }
        assertTrue(statistics().keySet().stream().noneMatch(n -> n.startsWith("doc_stats_")), statistics()::toString);
        migrate();
        assertEquals(collections.declarations().indexes().stream().mapToInt(i -> i.fields().size()).sum(),
                statistics().keySet().stream().filter(n -> n.startsWith("doc_stats_")).count());
    }

    private static void migrate() throws Exception {
        try (Connection owner = TestSql.owner()) {
            new DeclaredIndexesChange().execute(DatabaseFactory.getInstance()
                    .findCorrectDatabaseImplementation(new JdbcConnection(owner)));
        }
    }

    /** The documents table's statistics objects: name to definition. */
    private static Map<String, String> statistics() throws Exception {
        Map<String, String> found = new HashMap<>();
        try (Connection su = TestSql.superuser();
                Statement st = su.createStatement();
                ResultSet rs = st.executeQuery("SELECT stxname, pg_get_statisticsobjdef(oid) FROM pg_statistic_ext "
                        + "WHERE stxrelid = 'documents'::regclass")) {
            while (rs.next()) {
                found.put(rs.getString(1), rs.getString(2));
            }
        }
        return found;
    }
}
