package dev.palisade.events.append;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.palisade.events.AppendCommand;
import dev.palisade.events.EventsTestSupport;
import dev.palisade.events.ExpectedVersion;
import dev.palisade.events.StreamId;
import dev.palisade.tenancy.TenantId;
import dev.palisade.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The append function's lookups follow the indexes whatever the statistics say: on an events table that was tiny
 * when a pooled session first ran the function (so PostgreSQL cached plans made for a tiny table) and then grew by a
 * hundred thousand events of one hot tenant that no ANALYZE has seen. Before release 1.2.0 the cached plan checked
 * event ids by reading every event of the tenant (tens of milliseconds per append on this table).
 * <p>
 * The table is a temporary copy of {@code events} (same columns, keys and indexes) that shadows the real one in this
 * session only: autovacuum never analyzes a temporary table, and no other test sees it. The copies get the tables'
 * row-level security policy and the appends run as the service role, as in the service: under row-level security
 * only a leakproof comparison may be an index condition, so a lookup that probes its index for a superuser may
 * filter every row of the tenant for the service (the event-id check of an earlier 1.3.0 draft did).
 * <p>
 * The function's plans are made once per session (release 1.3.0), so this also proves that cached plans do not go
 * stale: they are the plans of the tiny table.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class AppendPlanTest {

    private static final int GROWN_TO = 100_000;

    @Inject
    EventsTestSupport support;

    @Test
    void lookupsProbeIndexesOnATableThatGrewAfterItsPlansWereCached() throws SQLException {
        TenantId hot = support.newTenant("hot");
        try (Connection su = support.asSuperuser(); Statement st = su.createStatement()) {
            st.execute("CREATE TEMP TABLE events (LIKE public.events INCLUDING ALL)");
            st.execute("CREATE TEMP TABLE event_positions (LIKE public.event_positions INCLUDING ALL)");
            for (String table : List.of("events", "event_positions")) {
                st.execute("ALTER TABLE " + table + " ENABLE ROW LEVEL SECURITY");
                st.execute("ALTER TABLE " + table + " FORCE ROW LEVEL SECURITY");
                st.execute("CREATE POLICY tenant_isolation ON " + table
                        + " USING (tenant_id = (SELECT palisade_current_tenant()))"
                        + " WITH CHECK (tenant_id = (SELECT palisade_current_tenant()))");
            }
            st.execute("GRANT SELECT, INSERT ON events TO " + support.appRole());
            st.execute("GRANT SELECT, INSERT, UPDATE ON event_positions TO " + support.appRole());
            // Loaded by the superuser (only it may); the appends below run as the service role.
            st.execute("LOAD 'auto_explain'");
            st.execute("SET ROLE " + support.appRole());
            // While the table is tiny: enough calls for PostgreSQL to settle on cached plans.
            for (int i = 0; i < 10; i++) {
                append(su, hot, "early-" + i);
            }
            st.execute("RESET ROLE");
            try (PreparedStatement grow = su.prepareStatement("""
                    INSERT INTO events (tenant_id, position, stream_id, version, event_id, type, data)
                    SELECT ?, 10 + g, 'stream-' || (g % 1000), g / 1000 + 1, gen_random_uuid(), 'Grown', '{}'
                      FROM generate_series(1, ?) g
                    """)) {
                grow.setString(1, hot.value());
                grow.setInt(2, GROWN_TO);
                grow.executeUpdate();
            }
            st.execute("UPDATE event_positions SET last_position = " + (10 + GROWN_TO));

            st.execute("SET auto_explain.log_min_duration = 0");
            st.execute("SET auto_explain.log_nested_statements = on");
            st.execute("SET auto_explain.log_level = notice");
            st.execute("SET client_min_messages = notice");
            st.execute("SET ROLE " + support.appRole());
            String plans = append(su, hot, "stream-42");

            assertFalse(plans.contains("Seq Scan on events"), "no sequential scan of events:\n" + plans);
            assertTrue(plans.matches("(?s).*Index Cond: \\(\\(tenant_id = [^\\n]*\\) AND \\(stream_id = .*"),
                    "the version lookup probes (tenant_id, stream_id):\n" + plans);
            assertTrue(plans.matches("(?s).*Index Cond: \\(\\(tenant_id = [^\\n]*\\) AND \\(event_id = .*"),
                    "the retry check probes (tenant_id, event_id) for the append's ids:\n" + plans);
            assertFalse(plans.contains("Filter: (event_id"), "event ids are never filtered row by row:\n" + plans);
            st.execute("RESET ROLE");
        }
    }

    /** One call of the function in autocommit mode; answers the plans auto_explain reported for it, if enabled. */
    private String append(Connection su, TenantId tenant, String stream) throws SQLException {
        EncodedAppend append = support.replicaAppender().encode(AppendCommand.to(StreamId.of(stream),
                ExpectedVersion.any(), List.of(support.event("Late", 1))));
        try (PreparedStatement st = su.prepareStatement("SELECT outcome FROM palisade_append_events(?, ?::jsonb)")) {
            st.setString(1, tenant.value());
            st.setString(2, "[" + append.json() + "]");
            st.executeQuery().close();
            StringBuilder plans = new StringBuilder();
            for (SQLWarning w = st.getWarnings(); w != null; w = w.getNextWarning()) {
                plans.append(w.getMessage()).append('\n');
            }
            return plans.toString();
        }
    }
}
