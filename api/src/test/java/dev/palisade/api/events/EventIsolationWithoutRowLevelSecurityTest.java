package dev.palisade.api.events;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.palisade.api.support.WithoutRowLevelSecurity;
import dev.palisade.testing.TestSql;
import dev.palisade.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The event isolation contract with row-level security off on the event tables: the tenant predicate that leads every
 * statement of the event store must hold alone.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@TestProfile(WithoutRowLevelSecurity.class)
class EventIsolationWithoutRowLevelSecurityTest extends EventIsolationContract {

    /** A profile of its own, so that this run's database is not shared with runs that expect RLS on. */
    /** Its own profile, so this class gets its own service and database while row-level security is off. */
    @BeforeEach
    void switchRowLevelSecurityOff() throws SQLException {
        TestSql.setRowLevelSecurity(false, List.of("events", "event_positions"));
    }

    @AfterAll
    static void switchRowLevelSecurityOn() throws SQLException {
        TestSql.setRowLevelSecurity(true, List.of("events", "event_positions"));
    }

    @Test
    void rowLevelSecurityReallyIsOff() throws SQLException {
        World w = world();
        Config config = ConfigProvider.getConfig();
        try (Connection app = DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
                PreparedStatement st = app.prepareStatement("SELECT count(*) FROM events WHERE tenant_id = ?")) {
            st.setString(1, w.b().id());
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                assertTrue(rs.getLong(1) > 0, "with RLS off, the service role with no tenant set sees B's events");
            }
        }
    }
}
