package dev.palisade.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.palisade.testing.TestDatabase;

/**
 * The README's pipeline commands (Liquibase Maven plugin {@code update}, {@code status}, {@code rollback} to a tag),
 * run for real against a fresh database, and interchangeable with the service's own migration: what the plugin
 * applied, the classpath changelog sees as applied.
 */
class LiquibasePluginPipelineTest {

    private static TestDatabase db;

    @BeforeAll
    static void provision() {
        db = TestDatabase.provision();
    }

    @AfterAll
    static void drop() {
        if (db != null) {
            db.close();
        }
    }

    @Test
    void pluginUpdatesReportsStatusAndRollsBackToAReleaseTag() throws Exception {
        Changelog changelog = new Changelog(db.app().username());
        List<String> tags = changelog.releaseTags();

        String status = maven("liquibase:status", "-Dliquibase.verbose=true");
        assertTrue(status.contains(changelog.changeSets().size() + " changesets have not been applied"),
                "status on a fresh database lists every changeset as pending:\n" + status);

        maven("liquibase:update");
        try (Connection owner = db.connect(db.owner())) {
            assertEquals(0, changelog.pending(owner),
                    "the service's classpath changelog must see the plugin's changesets as applied");
        }
        assertTrue(maven("liquibase:status").contains("is up to date"), "status after update is up to date");

        String target = tags.size() > 1 ? tags.get(tags.size() - 2) : tags.get(0);
        maven("liquibase:rollback", "-Dliquibase.rollbackTag=" + target);
        try (Connection owner = db.connect(db.owner())) {
            int afterTarget = changelog.changeSets().size() - indexAfterTag(changelog, target);
            assertEquals(afterTarget, changelog.pending(owner),
                    "rolling back to " + target + " leaves exactly the later changesets pending");
        }
        maven("liquibase:update");
        try (Connection owner = db.connect(db.owner())) {
            assertEquals(0, changelog.pending(owner), "update after a rollback applies everything again");
        }
    }

    private static int indexAfterTag(Changelog changelog, String tag) throws Exception {
        var changeSets = changelog.changeSets();
        for (int i = 0; i < changeSets.size(); i++) {
            if (changeSets.get(i).getChanges().stream().anyMatch(
                    c -> c instanceof liquibase.change.core.TagDatabaseChange t && t.getTag().equals(tag))) {
                return i + 1;
            }
        }
        throw new IllegalStateException("no tag " + tag);
    }

    private static String maven(String goal, String... extra) throws IOException, InterruptedException {
        String mavenHome = System.getProperty("maven.home");
        String executable = mavenHome == null || mavenHome.isBlank() ? "mvn" : mavenHome + "/bin/mvn";
        List<String> command = new ArrayList<>(List.of(executable, "-B", "-ntp", "-f",
                Path.of("pipeline", "pom.xml").toAbsolutePath().toString(), goal,
                "-Dliquibase.url=" + db.jdbcUrl(),
                "-Dliquibase.username=" + db.owner().username(),
                "-Dliquibase.password=" + db.owner().password(),
                "-Dliquibase.appRole=" + db.app().username()));
        String repo = System.getProperty("maven.repo.local");
        if (repo != null && !repo.isBlank()) {
            command.add("-Dmaven.repo.local=" + repo);
        }
        command.addAll(List.of(extra));
        Path log = Files.createTempFile("palisade-liquibase-plugin", ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean finished = process.waitFor(5, TimeUnit.MINUTES);
        String output = Files.readString(log, StandardCharsets.UTF_8);
        Files.deleteIfExists(log);
        assertTrue(finished && process.exitValue() == 0, "mvn " + goal + " failed:\n" + output);
        return output;
    }
}
