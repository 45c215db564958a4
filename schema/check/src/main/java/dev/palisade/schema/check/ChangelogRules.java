package dev.palisade.schema.check;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import liquibase.change.AbstractSQLChange;
import liquibase.change.Change;
import liquibase.change.core.TagDatabaseChange;
import liquibase.changelog.ChangeSet;

/** The rules a machine can check on the parsed changelog alone, before anything runs. */
final class ChangelogRules {

    private static final Pattern GRANT = Pattern.compile("\\bGRANT\\s[^;]*?\\sTO\\s+([^;]+?)\\s*(?:;|$)",
            Pattern.CASE_INSENSITIVE);

    private final String root;
    private final String appRoleParameter;
    private final String appRole;
    private final List<Violation> violations = new ArrayList<>();

    private ChangelogRules(String root, String appRoleParameter, String appRole) {
        this.root = root;
        this.appRoleParameter = appRoleParameter;
        this.appRole = appRole;
    }

    /**
     * Checks rules 1, 3, 5 and 8 (as written) on the changesets.
     *
     * @param appRole the value the parameter was expanded to: a grant to any other name is hard-coded
     */
    static List<Violation> check(String root, List<ChangeSet> changeSets, String appRoleParameter, String appRole) {
        ChangelogRules rules = new ChangelogRules(root, appRoleParameter, appRole);
        for (ChangeSet changeSet : changeSets) {
            rules.rollback(changeSet);
            rules.concurrentIndex(changeSet);
            rules.grants(changeSet);
        }
        rules.releaseTags(changeSets);
        return rules.violations;
    }

    private void rollback(ChangeSet changeSet) {
        boolean onlyTags = changeSet.getChanges().stream().allMatch(TagDatabaseChange.class::isInstance);
        if (!onlyTags && changeSet.getRollback().getChanges().isEmpty()) {
            violations.add(new Violation(Rule.ROLLBACK, name(changeSet), "has no explicit rollback",
                    "end it with '--rollback <SQL that undoes it>' (formatted SQL) or a 'rollback:' block (YAML)"));
        }
    }

    private void concurrentIndex(ChangeSet changeSet) {
        boolean concurrent = changeSet.getChanges().stream().anyMatch(c -> c instanceof AbstractSQLChange sql
                && sql.getSql() != null && sql.getSql().toUpperCase(Locale.ROOT).contains("CONCURRENTLY"));
        if (!concurrent) {
            return;
        }
        if (changeSet.isRunInTransaction()) {
            violations.add(new Violation(Rule.CONCURRENT_INDEX, name(changeSet),
                    "builds an index CONCURRENTLY inside a transaction (PostgreSQL refuses that)",
                    "add runInTransaction:false to its '--changeset' line"));
        }
        if (changeSet.getChanges().size() != 1 || countStatements(changeSet) > 1) {
            violations.add(new Violation(Rule.CONCURRENT_INDEX, name(changeSet),
                    "holds more than the concurrent index (outside a transaction, a failure half-way leaves the rest"
                            + " applied)",
                    "move every other statement into a changeset of its own"));
        }
    }

    private static long countStatements(ChangeSet changeSet) {
        return changeSet.getChanges().stream().filter(AbstractSQLChange.class::isInstance)
                .map(c -> ((AbstractSQLChange) c).getSql().strip())
                .mapToLong(sql -> sql.replaceAll(";\\s*$", "").split(";").length).sum();
    }

    private void grants(ChangeSet changeSet) {
        for (Change change : changeSet.getChanges()) {
            if (!(change instanceof AbstractSQLChange sql) || sql.getSql() == null) {
                continue;
            }
            Matcher m = GRANT.matcher(sql.getSql());
            while (m.find()) {
                for (String grantee : m.group(1).replaceAll("(?i)\\s+WITH\\s+GRANT\\s+OPTION", "").split(",")) {
                    String name = grantee.strip().replace("\"", "");
                    if (!name.equals(appRole)) {
                        violations.add(new Violation(Rule.GRANTS, name(changeSet), "grants to '" + name
                                + "', a name written into the changelog",
                                "grant to ${" + appRoleParameter + "} only: every deployment names its own "
                                        + "service role"));
                    }
                }
            }
        }
    }

    private void releaseTags(List<ChangeSet> changeSets) {
        Map<String, ChangeSet> lastOfFolder = new LinkedHashMap<>();
        for (ChangeSet changeSet : changeSets) {
            if (normalise(changeSet.getFilePath()).equals(normalise(root))) {
                violations.add(new Violation(Rule.RELEASE_TAG, name(changeSet), "lives in the root changelog " + root,
                        "move it into a release folder next to it (<release>/changelog.yaml and its files), "
                                + "included from " + root));
                continue;
            }
            lastOfFolder.put(folder(changeSet.getFilePath()), changeSet);
        }
        Set<String> tags = new HashSet<>();
        lastOfFolder.forEach((folder, last) -> {
            String release = folder.substring(folder.lastIndexOf('/') + 1);
            List<Change> changes = last.getChanges();
            if (!(changes.size() == 1 && changes.get(0) instanceof TagDatabaseChange tag
                    && tag.getTag().equals(release))) {
                violations.add(new Violation(Rule.RELEASE_TAG, "release folder " + folder, "ends with " + name(last),
                        "end " + folder + "/changelog.yaml with a changeset 'tagDatabase: {tag: " + release
                                + ", keepTagOnRollback: true}'"));
            }
        });
        for (ChangeSet changeSet : changeSets) {
            for (Change change : changeSet.getChanges()) {
                if (change instanceof TagDatabaseChange tag
                        && lastOfFolder.get(folder(changeSet.getFilePath())) != changeSet) {
                    violations.add(new Violation(Rule.RELEASE_TAG, name(changeSet), "tags '" + tag.getTag()
                            + "' in the middle of its release folder, so a rollback to it stops inside a release",
                            "tag a release once, with the last changeset of its folder"));
                }
                if (change instanceof TagDatabaseChange tag && !tags.add(tag.getTag())) {
                    violations.add(new Violation(Rule.RELEASE_TAG, name(changeSet), "tags '" + tag.getTag()
                            + "' a second time, so a rollback to that tag is ambiguous",
                            "give each release folder, and so its tag, a name of its own (an embedder prefixes "
                                    + "its releases: invoices-1.0.0)"));
                }
            }
        }
    }

    static String name(ChangeSet changeSet) {
        return "changeset " + changeSet.getAuthor() + ":" + changeSet.getId() + " (" + normalise(
                changeSet.getFilePath()) + ")";
    }

    private static String folder(String filePath) {
        String path = normalise(filePath);
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    private static String normalise(String path) {
        String p = path.replace('\\', '/');
        p = p.startsWith("classpath:") ? p.substring("classpath:".length()) : p;
        return p.startsWith("/") ? p.substring(1) : p;
    }
}
