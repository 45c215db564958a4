package dev.palisade.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.palisade.testing.TestDatabase;
import liquibase.change.Change;
import liquibase.change.AbstractSQLChange;
import liquibase.change.core.TagDatabaseChange;
import liquibase.changelog.ChangeSet;

/** The rules of schema/README.md, checked on the changelog itself and on a migrated database. */
class SchemaRulesTest {

    private static final Pattern RELEASE_FOLDER = Pattern.compile("db/changelog/([^/]+)/");
    private static TestDatabase db;
    private static Changelog changelog;

    @BeforeAll
    static void migrate() throws Exception {
        db = TestDatabase.provision();
        changelog = new Changelog(db.app().username());
        try (Connection owner = db.connect(db.owner())) {
            changelog.update(owner);
        }
    }

    @AfterAll
    static void drop() {
        if (db != null) {
            db.close();
        }
    }

    @Test
    void everyChangesetHasAnExplicitRollback() throws Exception {
        for (ChangeSet changeSet : changelog.changeSets()) {
            boolean onlyTags = changeSet.getChanges().stream().allMatch(TagDatabaseChange.class::isInstance);
            if (!onlyTags) {
                assertFalse(changeSet.getRollback().getChanges().isEmpty(),
                        "changeset " + changeSet.getId() + " needs an explicit rollback");
            }
        }
    }

    @Test
    void everyReleaseFolderEndsWithItsTag() throws Exception {
        Map<String, ChangeSet> lastOfRelease = new LinkedHashMap<>();
        for (ChangeSet changeSet : changelog.changeSets()) {
            Matcher m = RELEASE_FOLDER.matcher(changeSet.getFilePath());
            assertTrue(m.find(), changeSet.getFilePath() + " must live in a release folder");
            lastOfRelease.put(m.group(1), changeSet);
        }
        lastOfRelease.forEach((release, last) -> {
            List<Change> changes = last.getChanges();
            assertTrue(changes.size() == 1 && changes.get(0) instanceof TagDatabaseChange tag
                    && tag.getTag().equals(release),
                    "release " + release + " must end with tagDatabase " + release + ", ends with " + last.getId());
        });
        assertEquals(List.copyOf(lastOfRelease.keySet()), changelog.releaseTags(), "one tag per release, in order");
    }

    @Test
    void concurrentIndexesRunOutsideTransactionsAlone() throws Exception {
        for (ChangeSet changeSet : changelog.changeSets()) {
            for (Change change : changeSet.getChanges()) {
                if (change instanceof AbstractSQLChange sql
                        && sql.getSql().toUpperCase(Locale.ROOT).contains("CONCURRENTLY")) {
                    assertFalse(changeSet.isRunInTransaction(),
                            changeSet.getId() + " builds an index concurrently, so needs runInTransaction:false");
                    assertEquals(1, changeSet.getChanges().size(), changeSet.getId() + " must hold only that index");
                }
            }
        }
    }

    @Test
    void grantsGoOnlyToTheServiceRoleParameter() throws Exception {
        Pattern grant = Pattern.compile("GRANT\\s[^;]*?\\sTO\\s+(\\S+?);", Pattern.CASE_INSENSITIVE);
        for (ChangeSet changeSet : changelog.changeSets()) {
            for (Change change : changeSet.getChanges()) {
                if (change instanceof AbstractSQLChange sql) {
                    Matcher m = grant.matcher(sql.getSql());
                    while (m.find()) {
                        assertEquals(db.app().username(), m.group(1),
                                changeSet.getId() + " must grant to ${app_role} only");
                    }
                }
            }
        }
    }

    @Test
    void tenantIdLeadsEveryKeyAndIndexOfTenantTables() throws SQLException {
        List<String> offenders = new ArrayList<>();
        try (Connection su = db.connect(db.superuser());
                Statement st = su.createStatement();
                ResultSet rs = st.executeQuery("""
                        SELECT c.conrelid::regclass::text AS tbl, c.conname AS name, a.attname AS first_column
                          FROM pg_constraint c
                          JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
                         WHERE c.contype IN ('p', 'u', 'f') AND c.connamespace = 'public'::regnamespace
                           AND c.conrelid IN (SELECT attrelid FROM pg_attribute WHERE attname = 'tenant_id')
                        UNION ALL
                        SELECT i.indrelid::regclass::text, i.indexrelid::regclass::text, a.attname
                          FROM pg_index i
                          JOIN pg_class t ON t.oid = i.indrelid AND t.relnamespace = 'public'::regnamespace
                          LEFT JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[0]
                         WHERE i.indrelid IN (SELECT attrelid FROM pg_attribute WHERE attname = 'tenant_id')
                        """)) {
            while (rs.next()) {
                if (!"tenant_id".equals(rs.getString("first_column"))) {
                    offenders.add(rs.getString("tbl") + "." + rs.getString("name"));
                }
            }
        }
        assertEquals(List.of(), offenders, "keys and indexes of tenant tables must lead with tenant_id");
    }

    @Test
    void everyTenantTableForcesRowLevelSecurityWithAPolicy() throws SQLException {
        List<String> offenders = new ArrayList<>();
        try (Connection su = db.connect(db.superuser());
                Statement st = su.createStatement();
                ResultSet rs = st.executeQuery(
                        """
                                SELECT t.relname, t.relrowsecurity, t.relforcerowsecurity,
                                       (SELECT count(*) FROM pg_policy p WHERE p.polrelid = t.oid) AS policies
                                  FROM pg_class t
                                 WHERE t.relkind = 'r' AND t.relnamespace = 'public'::regnamespace
                                   AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = t.oid AND a.attname = 'tenant_id')
                                """)) {
            while (rs.next()) {
                if (!rs.getBoolean(2) || !rs.getBoolean(3) || rs.getInt(4) == 0) {
                    offenders.add(rs.getString(1));
                }
            }
        }
        assertEquals(List.of(), offenders, "tenant tables must ENABLE and FORCE row-level security with a policy");
    }

    @Test
    void serviceRoleOwnsNothingAndCannotBypassRowLevelSecurity() throws SQLException {
        try (Connection su = db.connect(db.superuser());
                Statement st = su.createStatement();
                ResultSet rs = st.executeQuery("""
                        SELECT r.rolsuper, r.rolbypassrls,
                               (SELECT count(*) FROM pg_class c WHERE c.relowner = r.oid) AS owned
                          FROM pg_roles r WHERE r.rolname = '%s'
                        """.formatted(db.app().username()))) {
            assertTrue(rs.next(), "the service role exists");
            assertFalse(rs.getBoolean(1), "service role must not be a superuser");
            assertFalse(rs.getBoolean(2), "service role must be NOBYPASSRLS");
            assertEquals(0, rs.getInt(3), "service role must own no relation");
        }
    }
}
