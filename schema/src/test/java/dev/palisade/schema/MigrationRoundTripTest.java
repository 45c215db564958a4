package dev.palisade.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.palisade.testing.TestDatabase;

/**
 * On a fresh database: apply every changeset, roll back to each release tag in turn (newest first) and then past the
 * first release, and apply everything again. Rows written before a rollback must still be there after it wherever
 * their table survives.
 */
class MigrationRoundTripTest {

    private static TestDatabase db;
    private static Changelog changelog;

    @BeforeAll
    static void provision() {
        db = TestDatabase.provision();
        changelog = new Changelog(db.app().username());
    }

    @AfterAll
    static void drop() {
        if (db != null) {
            db.close();
        }
    }

    @Test
    void everyReleaseRollsBackAndReappliesKeepingSurvivingRows() throws Exception {
        List<String> tags = changelog.releaseTags();
        assertFalse(tags.isEmpty(), "the changelog must tag at least one release");
        int changeSets = changelog.changeSets().size();

        try (Connection owner = db.connect(db.owner()); Connection su = db.connect(db.superuser())) {
            changelog.update(owner);
            assertEquals(0, changelog.pending(owner), "a full update leaves nothing pending");
            assertEquals(tags.get(tags.size() - 1), latestTag(su), "the newest release tag is recorded");
            for (String tag : tags) {
                seed(su, tag);
            }

            for (int i = tags.size() - 1; i >= 0; i--) {
                String tag = tags.get(i);
                TableSnapshot before = TableSnapshot.take(su);
                changelog.rollbackTo(owner, tag);
                assertEquals(tag, latestTag(su), "after rolling back to " + tag + " it is the newest tag");
                assertSurvivorsKeepTheirRows(su, before, "rollback to " + tag);
            }

            changelog.rollbackAll(owner, changeSets);
            assertEquals(Set.of(), TableSnapshot.tableNames(su), "rolling back every changeset leaves no table");
            assertEquals(changeSets, changelog.pending(owner), "every changeset is pending again");

            changelog.update(owner);
            assertEquals(0, changelog.pending(owner), "re-applying after a full rollback succeeds");
            for (String tag : tags) {
                seed(su, tag);
            }
            TableSnapshot reapplied = TableSnapshot.take(su);
            changelog.update(owner);
            assertSurvivorsKeepTheirRows(su, reapplied, "a no-op update");
        }
    }

    private static void assertSurvivorsKeepTheirRows(Connection su, TableSnapshot before, String step)
            throws SQLException {
        TableSnapshot after = TableSnapshot.take(su);
        for (String table : TableSnapshot.tableNames(su)) {
            Set<String> columns = after.columnsOf(table).isEmpty() ? before.columnsOf(table) : after.columnsOf(table);
            assertEquals(before.rowsOf(table, columns), after.rowsOf(table, columns),
                    "rows of " + table + " must survive " + step);
            assertTrue(before.tables().containsKey(table), step + " must not create table " + table);
        }
    }

    private static String latestTag(Connection su) throws SQLException {
        try (Statement st = su.createStatement();
                ResultSet rs = st.executeQuery(
                        "SELECT tag FROM databasechangelog WHERE tag IS NOT NULL ORDER BY orderexecuted DESC LIMIT 1")) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private static void seed(Connection su, String tag) throws IOException, SQLException {
        String resource = "seed/" + tag + ".sql";
        try (InputStream in = MigrationRoundTripTest.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("every release needs test rows in src/test/resources/" + resource);
            }
            try (Statement st = su.createStatement()) {
                st.execute(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
    }
}
