package dev.palisade.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Direct SQL for test setup and assertions on the run's {@link TestDatabase}, as its superuser, its owner or the
 * service role, with the credentials {@link PostgresTestResource} gave the application. Never used by the code under
 * test: the superuser and the owner stand outside the service's walls on purpose.
 */
public final class TestSql {

    private TestSql() {
    }

    /** A connection as the server's superuser (row-level security does not apply). */
    public static Connection superuser() throws SQLException {
        return connect("palisade.test.superuser.username", "palisade.test.superuser.password");
    }

    /** A connection as the schema owner (the migrating role). */
    public static Connection owner() throws SQLException {
        return connect("quarkus.liquibase.username", "quarkus.liquibase.password");
    }

    /** A connection as the service role, outside the service's pool. */
    public static Connection app() throws SQLException {
        return connect("quarkus.datasource.username", "quarkus.datasource.password");
    }

    /** A single number from a query run as the superuser. */
    public static long count(String sql, Object... parameters) {
        try (Connection c = superuser(); PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                st.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("test query failed: " + sql, e);
        }
    }

    /** Switches row-level security of the given tables on or off, as their owner (tests of one wall alone). */
    public static void setRowLevelSecurity(boolean on, List<String> tables) throws SQLException {
        try (Connection owner = owner(); Statement st = owner.createStatement()) {
            for (String table : tables) {
                st.execute("DO $$ BEGIN IF to_regclass('public." + table + "') IS NOT NULL THEN EXECUTE 'ALTER TABLE "
                        + table + (on ? " ENABLE" : " DISABLE") + " ROW LEVEL SECURITY'; END IF; END $$");
            }
        }
    }

    private static Connection connect(String userKey, String passwordKey) throws SQLException {
        Config config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue(userKey, String.class),
                config.getOptionalValue(passwordKey, String.class).orElse(""));
    }
}
