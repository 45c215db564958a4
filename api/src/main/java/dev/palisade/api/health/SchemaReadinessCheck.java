package dev.palisade.api.health;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import javax.sql.DataSource;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import dev.palisade.schema.ChangelogManifest;
import dev.palisade.schema.ChangelogManifest.ChangeSetId;

/**
 * Ready only when the database answers and every changeset this build expects has been applied. A database that is
 * ahead (a newer release's expand phase) is fine: expand/contract keeps the previous release working on it.
 */
@Readiness
@ApplicationScoped
public class SchemaReadinessCheck implements HealthCheck {

    private static final String UNDEFINED_TABLE = "42P01";

    private final DataSource dataSource;
    private final ChangelogManifest expected = ChangelogManifest.read(SchemaReadinessCheck.class.getClassLoader());

    SchemaReadinessCheck(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("schema")
                .withData("expectedRelease", String.valueOf(expected.latestRelease()));
        Set<ChangeSetId> applied = new HashSet<>();
        String databaseRelease = null;
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            try (ResultSet rs = st
                    .executeQuery("SELECT id, author, tag FROM databasechangelog ORDER BY orderexecuted")) {
                while (rs.next()) {
                    applied.add(new ChangeSetId(rs.getString(1), rs.getString(2)));
                    databaseRelease = rs.getString(3) == null ? databaseRelease : rs.getString(3);
                }
            } catch (SQLException e) {
                if (!UNDEFINED_TABLE.equals(e.getSQLState())) {
                    throw e;
                }
                // Never migrated: every changeset is pending.
            }
        } catch (SQLException e) {
            return response.down().withData("database", "unreachable").build();
        }
        Set<ChangeSetId> pending = new HashSet<>(expected.changeSets());
        pending.removeAll(applied);
        response.withData("database", "reachable")
                .withData("databaseRelease", databaseRelease == null ? "none" : databaseRelease)
                .withData("pendingChangesets", pending.size());
        return pending.isEmpty()
                ? response.up().build()
                : response.down().withData("reason", pending.size() + " changesets are pending; run the migration "
                        + "job (QUARKUS_INIT_AND_EXIT=true) for release " + expected.latestRelease()).build();
    }
}
