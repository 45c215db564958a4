package dev.palisade.api.pipeline;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.palisade.testing.TestDatabase;

/** The packaged service jar, run as operators run it: {@code java -jar quarkus-run.jar} with environment variables. */
final class ServiceProcess implements AutoCloseable {

    static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final Path log;
    private final int port;
    private final long startedAt;

    private ServiceProcess(Process process, Path log, int port, long startedAt) {
        this.process = process;
        this.log = log;
        this.port = port;
        this.startedAt = startedAt;
    }

    static ServiceProcess start(Map<String, String> env) throws IOException {
        return start(env, List.of());
    }

    /** Starts the jar with extra JVM options (placed before {@code -jar}, as run-java.sh places JAVA_OPTS_APPEND). */
    static ServiceProcess start(Map<String, String> env, List<String> jvmOptions) throws IOException {
        if (!Files.exists(JAR)) {
            throw new IllegalStateException(JAR.toAbsolutePath() + " is missing: run the package phase first");
        }
        int port = freePort();
        Path log = Files.createTempFile("palisade-service", ".log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", JAR.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        // Only what the test gives, as in a container: nothing from the build's environment can stand in for it.
        Map<String, String> environment = builder.environment();
        environment.keySet().retainAll(List.of("PATH", "HOME", "TMPDIR", "LANG"));
        environment.putAll(env);
        builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
        long startedAt = System.nanoTime();
        return new ServiceProcess(builder.start(), log, port, startedAt);
    }

    /** The environment of a serving replica on {@code db}: the service role's datasource and the admin key. */
    static Map<String, String> replicaEnv(TestDatabase db, String adminKey) {
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_DATASOURCE_JDBC_URL", db.jdbcUrl());
        env.put("QUARKUS_DATASOURCE_USERNAME", db.app().username());
        env.put("QUARKUS_DATASOURCE_PASSWORD", db.app().password());
        env.put("PALISADE_ADMIN_KEY", adminKey);
        // The README's document tour and readiness of declared indexes need collections: the example ones.
        env.put("PALISADE_COLLECTIONS", "classpath:collections/example.yaml");
        return env;
    }

    /** The migration Job's environment: a replica's, plus init-and-exit and the owner role that migrates. */
    static Map<String, String> jobEnv(TestDatabase db, String adminKey) {
        Map<String, String> env = replicaEnv(db, adminKey);
        env.put("QUARKUS_INIT_AND_EXIT", "true");
        env.put("QUARKUS_LIQUIBASE_USERNAME", db.owner().username());
        env.put("QUARKUS_LIQUIBASE_PASSWORD", db.owner().password());
        return env;
    }

    /** Runs the migration Job ({@code QUARKUS_INIT_AND_EXIT=true}, as the owner) on {@code db} and waits for exit 0. */
    static void migrate(TestDatabase db, Duration timeout) throws Exception {
        try (ServiceProcess job = start(jobEnv(db, "unused-by-the-migration-job"))) {
            int exit = job.awaitExit(timeout);
            if (exit != 0) {
                throw new AssertionError("the migration job exited " + exit + ":\n" + job.output());
            }
        }
    }

    /** Waits for the process to exit by itself and returns its exit code. */
    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("the service did not exit within " + timeout + ":\n" + output());
        }
        return process.exitValue();
    }

    /** GETs a path, retrying until the service answers at all; returns the status and body. */
    HttpResponse<String> get(String path, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException notYet) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    throw new AssertionError("the service never answered " + path + ":\n" + output());
                }
                Thread.sleep(50);
            }
        }
    }

    /** Polls a path until it answers with the status, and returns how long after process start that was. */
    Duration awaitStatus(String path, int status, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            HttpResponse<String> response = get(path, timeout);
            if (response.statusCode() == status) {
                return Duration.ofNanos(System.nanoTime() - startedAt);
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(path + " never answered " + status + "; last: " + response.statusCode()
                        + " " + response.body() + "\n" + output());
            }
            Thread.sleep(50);
        }
    }

    /** This replica's URL for {@code path}. */
    URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    /** Sends a request to this replica; {@code path} is appended to its base URL. */
    HttpResponse<String> send(String method, String path, String body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(10))
                .method(method, body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    String output() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(15, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        Files.deleteIfExists(log);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
