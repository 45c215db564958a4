package dev.palisade.api.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.palisade.testing.TestDatabase;

/**
 * The deployment pipeline's contract, on the packaged jar: {@code QUARKUS_INIT_AND_EXIT=true} migrates as the owner
 * and exits 0; a replica started (migrations off) against an unmigrated database is live but not ready, and says how
 * many changesets are pending; once migrated it becomes ready.
 */
class PipelineModeIT {

    private static final String ADMIN_KEY = "pipeline-test-admin-key-0123456789abcdef";

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    /**
     * One database through the whole pipeline: a replica that starts first (migrations off) is live but not ready and
     * never migrates; the Job migrates as the owner and exits 0; the waiting replica becomes ready without a restart;
     * a second run of the Job on the current schema is a no-op that exits 0 too.
     */
    @Test
    void replicaWaitsUnreadyUntilTheJobMigratesAsTheOwnerAndExitsZero() throws Exception {
        try (TestDatabase db = TestDatabase.provision();
                ServiceProcess replica = ServiceProcess.start(ServiceProcess.replicaEnv(db, ADMIN_KEY))) {
            replica.awaitStatus("/q/health/live", 200, PATIENCE);
            HttpResponse<String> unready = replica.get("/q/health/ready", PATIENCE);
            assertEquals(503, unready.statusCode(), unready.body());
            assertTrue(unready.body().matches("(?s).*\"pendingChangesets\"\\s*:\\s*[1-9][0-9]*.*"),
                    "readiness says how many changesets are pending: " + unready.body());
            try (Connection su = db.connect(db.superuser());
                    Statement st = su.createStatement();
                    ResultSet rs = st.executeQuery("SELECT to_regclass('public.tenants') IS NULL")) {
                assertTrue(rs.next() && rs.getBoolean(1), "a serving replica must never migrate");
            }

            try (ServiceProcess job = ServiceProcess.start(ServiceProcess.jobEnv(db, ADMIN_KEY))) {
                assertEquals(0, job.awaitExit(PATIENCE), "the migration job exits 0:\n" + job.output());
            }
            try (Connection su = db.connect(db.superuser());
                    Statement st = su.createStatement();
                    ResultSet rs = st.executeQuery("""
                            SELECT count(*), count(*) FILTER (WHERE tag IS NOT NULL),
                                   (SELECT tableowner FROM pg_tables WHERE tablename = 'tenants')
                              FROM databasechangelog
                            """)) {
                assertTrue(rs.next());
                assertTrue(rs.getInt(1) > 0, "changesets were applied");
                assertTrue(rs.getInt(2) > 0, "the release tag was applied");
                assertEquals(db.owner().username(), rs.getString(3),
                        "tables belong to the owner role, not the service");
            }
            HttpResponse<String> ready = replica.get("/q/health/ready", PATIENCE);
            assertEquals(200, ready.statusCode(), "ready once migrated, without a restart: " + ready.body());
            assertFalse(replica.output().contains("Exception"), "no stack traces in the log:\n" + replica.output());

            try (ServiceProcess again = ServiceProcess.start(ServiceProcess.jobEnv(db, ADMIN_KEY))) {
                assertEquals(0, again.awaitExit(PATIENCE), "re-running the job on a current schema is a no-op");
            }
        }
    }

    /**
     * The JVM image runs deploy/docker/appcds.sh at build time and starts with the archive it writes. Here the script
     * runs with this JVM on the packaged jar, and a replica is started with {@code -Xshare:on}, under which the JVM
     * refuses to start rather than ignore an archive it cannot map (another JDK build, another class path).
     */
    @Test
    void appCdsArchiveFromTheImageScriptIsUsableByTheReplica() throws Exception {
        Path app = ServiceProcess.JAR.toAbsolutePath().getParent();
        Path archive = app.resolve("app-cds.jsa");
        Files.deleteIfExists(archive);
        Path log = Files.createTempFile("appcds", ".log");
        ProcessBuilder script = new ProcessBuilder("sh", Path.of("../deploy/docker/appcds.sh").toString(),
                app.toString()).redirectErrorStream(true).redirectOutput(log.toFile());
        String javaBin = Path.of(System.getProperty("java.home"), "bin").toString();
        script.environment().put("PATH", javaBin + File.pathSeparator + System.getenv("PATH"));
        Process generation = script.start();
        boolean finished = generation.waitFor(3, TimeUnit.MINUTES);
        String output = Files.readString(log);
        Files.delete(log);
        if (!finished) {
            generation.destroyForcibly();
        }
        assertTrue(finished, "appcds.sh finishes:\n" + output);
        assertEquals(0, generation.exitValue(), "appcds.sh succeeds:\n" + output);
        assertTrue(Files.size(archive) > 1 << 20, "the archive holds the application's classes: " + output);

        try (TestDatabase db = TestDatabase.provision()) {
            migrate(db);
            try (ServiceProcess replica = ServiceProcess.start(ServiceProcess.replicaEnv(db, ADMIN_KEY),
                    List.of("-Xshare:on", "-XX:SharedArchiveFile=" + archive))) {
                Duration toReady = replica.awaitStatus("/q/health/ready", 200, PATIENCE);
                log("replica with its AppCDS archive ready " + toReady.toMillis() + " ms after process start");
                assertFalse(replica.output().matches("(?s).*\\[(warning|error)\\]\\[cds.*"),
                        "the JVM mapped the archive without complaint:\n" + replica.output());
            }
        }
    }

    private static void migrate(TestDatabase db) throws Exception {
        try (ServiceProcess job = ServiceProcess.start(ServiceProcess.jobEnv(db, ADMIN_KEY))) {
            assertEquals(0, job.awaitExit(PATIENCE), job.output());
        }
    }

    private static void log(String message) {
        System.getLogger(PipelineModeIT.class.getName()).log(System.Logger.Level.INFO, message);
    }

}
