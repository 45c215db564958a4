package dev.palisade.schema.check;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.palisade.testing.TestDatabase;
import liquibase.changelog.ChangeSet;
import liquibase.exception.LiquibaseException;

/**
 * Checks a Liquibase changelog against the rules of Palisade's {@code schema/README.md}: it parses the changelog,
 * migrates it into a throwaway database (a {@link TestDatabase} with the owner and service roles of
 * {@code deploy/postgres/bootstrap.sql}) and inspects the catalog. Every table with a {@code tenant_id} column is a
 * tenant table and must lead every key and index with {@code tenant_id}, enable and force row-level security with
 * the {@code tenant_isolation} policy, and carry the {@code palisade_forbid_tenant_change()} trigger; grants go to
 * the service role parameter only; every changeset has a rollback; each release folder ends with its tag; a
 * concurrent index is alone in a changeset outside a transaction.
 * <p>
 * In a JUnit test of an embedding service, over its own changelog (which includes Palisade's):
 *
 * <pre>{@code
 * @Test
 * void changelogFollowsPalisadesSchemaRules() {
 *     SchemaCheck.of("db/changelog/app.yaml").check();
 * }
 * }</pre>
 *
 * A failure is a {@link SchemaCheckFailure} whose message names each table, index or changeset at fault and says
 * what to write instead. {@link #report()} returns the same findings without throwing.
 */
public final class SchemaCheck {

    private final String changelog;
    private String appRoleParameter = "app_role";
    private final Map<String, String> parameters = new LinkedHashMap<>();
    private ClassLoader classLoader;

    private SchemaCheck(String changelog) {
        this.changelog = Objects.requireNonNull(changelog, "changelog");
    }

    /**
     * A check of the changelog at this classpath location.
     *
     * @param changelog the root changelog, e.g. {@code db/changelog/master.yaml}, as Quarkus's
     *        {@code quarkus.liquibase.change-log} names it
     */
    public static SchemaCheck of(String changelog) {
        return new SchemaCheck(changelog);
    }

    /**
     * Names the changelog parameter that carries the service role (default {@code app_role}, the one Palisade's
     * changelogs use). The check gives it the throwaway database's service role, so a grant to any other name is
     * reported as hard-coded.
     */
    public SchemaCheck appRoleParameter(String name) {
        this.appRoleParameter = Objects.requireNonNull(name, "name");
        return this;
    }

    /** Sets another changelog parameter the changelog expands. */
    public SchemaCheck parameter(String name, String value) {
        parameters.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
        return this;
    }

    /** Reads the changelog through this class loader (default: the thread's context class loader). */
    public SchemaCheck classLoader(ClassLoader loader) {
        this.classLoader = Objects.requireNonNull(loader, "loader");
        return this;
    }

    /**
     * Runs the check on a database of its own, dropped afterwards.
     *
     * @return the report, which {@link SchemaReport#passed() passed}
     * @throws SchemaCheckFailure listing every violation, when there is any
     */
    public SchemaReport check() {
        return report().orThrow();
    }

    /** Runs the check on a database of its own, dropped afterwards, and returns what it found without throwing. */
    public SchemaReport report() {
        try (TestDatabase db = TestDatabase.provision()) {
            return report(db);
        }
    }

    /**
     * Runs the check on the given database, which must be empty (as {@link TestDatabase#provision()} leaves it):
     * the changelog is applied to it as its owner.
     */
    public SchemaReport report(TestDatabase db) {
        String appRole = db.app().username();
        Map<String, String> all = new LinkedHashMap<>(parameters);
        all.put(appRoleParameter, appRole);
        ClassLoader loader = classLoader != null ? classLoader : Thread.currentThread().getContextClassLoader();
        LiquibaseChangelog log = new LiquibaseChangelog(changelog, all, loader != null
                ? loader
                : SchemaCheck.class.getClassLoader());
        List<ChangeSet> changeSets;
        try {
            changeSets = log.changeSets();
        } catch (LiquibaseException | RuntimeException e) {
            throw new IllegalArgumentException("could not read the changelog " + changelog + ": " + e.getMessage(), e);
        }
        List<Violation> violations = new ArrayList<>(ChangelogRules.check(changelog, changeSets, appRoleParameter,
                appRole));
        try (Connection owner = db.connect(db.owner())) {
            log.update(owner);
        } catch (LiquibaseException | SQLException | RuntimeException e) {
            violations.add(new Violation(Rule.APPLIES, "changelog " + changelog, "does not apply to an empty "
                    + "database as the owner role: " + rootCause(e),
                    "make it apply (the violations above may be why); the catalog rules were not checked"));
            return new SchemaReport(changelog, changeSets.size(), List.of(), violations);
        }
        try (Connection superuser = db.connect(db.superuser())) {
            List<String> tenantTables = CatalogRules.tenantTables(superuser);
            violations.addAll(CatalogRules.check(superuser, appRole));
            return new SchemaReport(changelog, changeSets.size(), tenantTables, violations);
        } catch (SQLException e) {
            throw new IllegalStateException("could not inspect the migrated database " + db.name(), e);
        }
    }

    private static String rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return message.strip().replaceAll("\\s+", " ");
    }
}
