package dev.palisade.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * A PostgreSQL server that is already running, reached as a superuser that may create databases and roles.
 * <p>
 * Defaults to {@code postgres@localhost:5432} without a password; {@code PALISADE_TEST_PG_HOST}, {@code _PORT},
 * {@code _USER} and {@code _PASSWORD} override each part.
 */
public record LocalServer(String host, int port, String superuser, String password) {

    static final String HELP = "install and start PostgreSQL 13 or newer on localhost:5432 (Debian/Ubuntu: "
            + "apt-get install postgresql) with a superuser 'postgres' that can log in over TCP, or point "
            + "PALISADE_TEST_PG_HOST/_PORT/_USER/_PASSWORD at a server and superuser you have.";

    /** The server described by the environment, with defaults for whatever is unset. */
    public static LocalServer fromEnvironment() {
        return new LocalServer(env("PALISADE_TEST_PG_HOST", "localhost"),
                Integer.parseInt(env("PALISADE_TEST_PG_PORT", "5432")),
                env("PALISADE_TEST_PG_USER", "postgres"),
                env("PALISADE_TEST_PG_PASSWORD", ""));
    }

    /** JDBC URL of a database on this server. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    /** Opens a superuser connection to the given database. */
    public Connection connect(String database) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", superuser);
        props.setProperty("password", password);
        props.setProperty("connectTimeout", "3");
        props.setProperty("ApplicationName", "palisade-tests");
        return DriverManager.getConnection(jdbcUrl(database), props);
    }

    /** Whether the server accepts a superuser connection right now. */
    public boolean isAvailable() {
        try (Connection c = connect("postgres");
                var st = c.createStatement();
                var rs = st.executeQuery("select rolsuper from pg_roles where rolname = current_user")) {
            return rs.next() && rs.getBoolean(1);
        } catch (SQLException e) {
            return false;
        }
    }

    String describe() {
        return "the PostgreSQL server at " + host + ":" + port + " (user " + superuser + ")";
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
