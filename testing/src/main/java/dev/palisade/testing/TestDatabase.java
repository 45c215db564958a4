package dev.palisade.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.testcontainers.containers.Container.ExecResult;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.MountableFile;

/**
 * A throwaway PostgreSQL database with Palisade's two roles, bootstrapped by {@code deploy/postgres/bootstrap.sql}
 * exactly as operators do it, and dropped (or its container stopped) on {@link #close()}.
 * <p>
 * {@code owner} owns the database and migrates it; {@code app} is the non-owner {@code NOBYPASSRLS} service role the
 * code under test connects as, so row-level security is really in force.
 */
public final class TestDatabase implements AutoCloseable {

    /** A login role and its password. */
    public record Credentials(String username, String password) {
    }

    private static final String SCRIPTS = "dev/palisade/testing/";
    /** bootstrap.sql and the file it includes ({@code \ir}, relative to itself): copied side by side. */
    private static final List<String> BOOTSTRAP = List.of("bootstrap.sql", "document-extractors.sql");
    private static final String CONTAINER_IMAGE = "postgres:15-alpine";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static PostgresBackend chosen;

    private final PostgresBackend backend;
    private final String host;
    private final int port;
    private final String database;
    private final Credentials superuser;
    private final Credentials owner;
    private final Credentials app;
    private final AutoCloseable teardown;

    private TestDatabase(PostgresBackend backend, String host, int port, String database, Credentials superuser,
            Credentials owner, Credentials app, AutoCloseable teardown) {
        this.backend = backend;
        this.host = host;
        this.port = port;
        this.database = database;
        this.superuser = superuser;
        this.owner = owner;
        this.app = app;
        this.teardown = teardown;
    }

    /**
     * Provisions a new database on the backend that {@link BackendChoice} picks for this machine. The choice is made
     * once per JVM and logged once, at INFO, with its reason.
     */
    public static TestDatabase provision() {
        LocalServer local = LocalServer.fromEnvironment();
        PostgresBackend backend = backend(local);
        String database = "palisade_t_" + randomHex(6);
        Credentials owner = new Credentials(database + "_owner", randomHex(16));
        Credentials app = new Credentials(database + "_app", randomHex(16));
        return backend == PostgresBackend.CONTAINER
                ? inContainer(database, owner, app)
                : onLocalServer(local, database, owner, app);
    }

    private static synchronized PostgresBackend backend(LocalServer local) {
        if (chosen == null) {
            BackendChoice.Choice choice = BackendChoice.choose(System.getenv(BackendChoice.ENV), ContainerEngine::probe,
                    local::isAvailable);
            System.getLogger(TestDatabase.class.getName()).log(System.Logger.Level.INFO, choice.reason());
            chosen = choice.backend();
        }
        return chosen;
    }

    private static TestDatabase onLocalServer(LocalServer server, String database, Credentials owner, Credentials app) {
        Path script = extractBootstrap().resolve(BOOTSTRAP.get(0));
        List<String> command = new ArrayList<>(List.of("psql", "-X", "-q", "-h", server.host(), "-p",
                String.valueOf(server.port()), "-U", server.superuser(), "-d", "postgres"));
        command.addAll(bootstrapVariables(database, owner, app));
        command.addAll(List.of("-f", script.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PGPASSWORD", server.password());
        run(builder, "psql bootstrap on " + server.describe());
        Credentials superuser = new Credentials(server.superuser(), server.password());
        AutoCloseable drop = () -> {
            try (Connection c = server.connect("postgres"); Statement st = c.createStatement()) {
                st.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
                st.execute("DROP ROLE IF EXISTS " + app.username());
                st.execute("DROP ROLE IF EXISTS " + owner.username());
            }
        };
        return new TestDatabase(PostgresBackend.LOCAL, server.host(), server.port(), database, superuser, owner, app,
                drop);
    }

    private static TestDatabase inContainer(String database, Credentials owner, Credentials app) {
        PostgreSQLContainer container = new PostgreSQLContainer(CONTAINER_IMAGE);
        container.start();
        try {
            for (String file : BOOTSTRAP) {
                container.copyFileToContainer(MountableFile.forClasspathResource(SCRIPTS + file), "/tmp/" + file);
            }
            List<String> command = new ArrayList<>(List.of("psql", "-X", "-q", "-U", container.getUsername(), "-d",
                    container.getDatabaseName()));
            command.addAll(bootstrapVariables(database, owner, app));
            command.addAll(List.of("-f", "/tmp/bootstrap.sql"));
            ExecResult result = container.execInContainer(command.toArray(String[]::new));
            if (result.getExitCode() != 0) {
                throw new IllegalStateException("bootstrap.sql failed in the container: " + result.getStdout()
                        + result.getStderr());
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            container.stop();
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("could not bootstrap the PostgreSQL container", e);
        }
        Credentials superuser = new Credentials(container.getUsername(), container.getPassword());
        return new TestDatabase(PostgresBackend.CONTAINER, container.getHost(), container.getMappedPort(5432),
                database, superuser, owner, app, container::stop);
    }

    /** The backend this database lives on. */
    public PostgresBackend backend() {
        return backend;
    }

    /** The database's name. */
    public String name() {
        return database;
    }

    /** JDBC URL of this database. */
    public String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    /** A superuser of the server (for test setup only: it bypasses row-level security). */
    public Credentials superuser() {
        return superuser;
    }

    /** The role that owns the schema and runs migrations. */
    public Credentials owner() {
        return owner;
    }

    /** The service role: not the owner, {@code NOSUPERUSER NOBYPASSRLS}. */
    public Credentials app() {
        return app;
    }

    /** Opens a connection to this database as the given role. */
    public Connection connect(Credentials role) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), role.username(), role.password());
    }

    /**
     * Quarkus configuration that points an application at this database: the service role for the datasource, the
     * owner for Liquibase (the changelog parameter {@code app_role} follows the datasource username).
     */
    public Map<String, String> quarkusConfig() {
        return Map.ofEntries(
                Map.entry("quarkus.datasource.jdbc.url", jdbcUrl()),
                Map.entry("quarkus.datasource.username", app.username()),
                Map.entry("quarkus.datasource.password", app.password()),
                Map.entry("quarkus.liquibase.username", owner.username()),
                Map.entry("quarkus.liquibase.password", owner.password()),
                Map.entry("palisade.test.superuser.username", superuser.username()),
                Map.entry("palisade.test.superuser.password", superuser.password()));
    }

    @Override
    public void close() {
        try {
            teardown.close();
        } catch (Exception e) {
            throw new IllegalStateException("could not drop test database " + database, e);
        }
    }

    private static List<String> bootstrapVariables(String database, Credentials owner, Credentials app) {
        return List.of("-v", "ON_ERROR_STOP=1", "-v", "db=" + database, "-v", "owner=" + owner.username(), "-v",
                "owner_password=" + owner.password(), "-v", "app=" + app.username(), "-v",
                "app_password=" + app.password());
    }

    /** The bootstrap scripts, extracted side by side into a new directory. */
    private static Path extractBootstrap() {
        try {
            Path dir = Files.createTempDirectory("palisade-bootstrap");
            dir.toFile().deleteOnExit();
            for (String name : BOOTSTRAP) {
                try (InputStream in = TestDatabase.class.getClassLoader().getResourceAsStream(SCRIPTS + name)) {
                    if (in == null) {
                        throw new IllegalStateException(SCRIPTS + name + " is missing from the test classpath");
                    }
                    Path file = dir.resolve(name);
                    Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
                    file.toFile().deleteOnExit();
                }
            }
            return dir;
        } catch (IOException e) {
            throw new IllegalStateException("could not extract the bootstrap scripts", e);
        }
    }

    private static void run(ProcessBuilder builder, String what) {
        try {
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(what + " failed: " + output.strip());
            }
        } catch (IOException e) {
            throw new IllegalStateException(what + " could not start psql (is the PostgreSQL client installed?)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(what + " was interrupted", e);
        }
    }

    private static String randomHex(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
