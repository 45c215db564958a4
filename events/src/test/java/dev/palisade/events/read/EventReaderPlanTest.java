package dev.palisade.events.read;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import dev.palisade.events.EventsTestSupport;
import dev.palisade.tenancy.TenantId;
import dev.palisade.tenancy.session.TenantSession;
import dev.palisade.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Every query the store runs on the events table follows an index, checked with EXPLAIN on a seeded table of several
 * tenants, as the service role with row-level security in force.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EventReaderPlanTest {

    private static final int TENANTS = 5;
    private static final int EVENTS_PER_TENANT = 40_000;

    @Inject
    EventsTestSupport support;

    private TenantId tenant;

    @BeforeAll
    void seed() throws SQLException {
        for (int t = 0; t < TENANTS; t++) {
            TenantId seeded = support.newTenant("plan");
            tenant = tenant == null ? seeded : tenant;
            try (Connection su = support.asSuperuser();
                    PreparedStatement st = su.prepareStatement("""
                            INSERT INTO events (tenant_id, position, stream_id, version, event_id, type, data,
                                                recorded_at)
                            SELECT ?, g, 'stream-' || (g % 2000), g / 2000 + 1, gen_random_uuid(), 'Type' || (g % 12),
                                   jsonb_build_object('n', g), now() - make_interval(secs => ? - g)
                              FROM generate_series(1, ?) g
                            """)) {
                st.setString(1, seeded.value());
                st.setInt(2, EVENTS_PER_TENANT);
                st.setInt(3, EVENTS_PER_TENANT);
                st.executeUpdate();
            }
            try (Connection su = support.asSuperuser();
                    PreparedStatement st = su.prepareStatement("INSERT INTO event_positions VALUES (?, ?)")) {
                st.setString(1, seeded.value());
                st.setLong(2, EVENTS_PER_TENANT);
                st.executeUpdate();
            }
        }
        try (Connection su = support.asSuperuser(); Statement st = su.createStatement()) {
            st.execute("ANALYZE events");
        }
    }

    @Test
    void streamReadUsesTheStreamVersionIndex() throws SQLException {
        assertUsesIndex(EventReader.STREAM, "events_stream_version_uk", List.of(tenant.value(), "stream-42", 3L, 101));
    }

    @Test
    void streamExistenceAndVersionUseTheStreamVersionIndex() throws SQLException {
        assertUsesIndex(EventReader.STREAM_EXISTS, "events_stream_version_uk", List.of(tenant.value(), "stream-42"));
        assertUsesIndex(EventReader.CURRENT_VERSION, "events_stream_version_uk",
                List.of(tenant.value(), "stream-42"));
    }

    @Test
    void feedReadUsesThePositionIndex() throws SQLException {
        assertUsesIndex(EventReader.FEED, "events_pk", List.of(tenant.value(), 20_000L, NONE, NONE, 101));
    }

    @Test
    void feedReadOfTypesUsesTheTypePositionIndex() throws SQLException {
        assertUsesIndex(EventReader.FEED_OF_TYPES, "events_type_position_ix",
                List.of(new String[]{"Type3", "Type7"}, tenant.value(), 1_000L, NONE, NONE, 101, 101));
    }

    @Test
    void feedReadOfATimeRangeUsesAnIndex() throws SQLException {
        Instant now = Instant.now();
        Timestamp from = Timestamp.from(now.minus(2, ChronoUnit.HOURS));
        Timestamp to = Timestamp.from(now.minus(1, ChronoUnit.HOURS));
        assertUsesIndex(EventReader.FEED, "events_", List.of(tenant.value(), 0L, from, to, 101));
        assertUsesIndex(EventReader.FEED_OF_TYPES, "events_type_position_ix",
                List.of(new String[]{"Type3"}, tenant.value(), 0L, from, to, 101, 101));
    }

    @Test
    void appendFunctionProbesOnlyIndexes() throws SQLException {
        String plans = nestedPlansOfAnAppend();
        assertTrue(plans.contains("events_stream_version_uk") && plans.contains("events_event_id_uk"),
                "the append's version and retry checks must use their indexes:\n" + plans);
        assertFalse(plans.contains("Seq Scan on events"), "no sequential scan of events:\n" + plans);
    }

    /** The plans of every statement inside one call of palisade_append_events, rolled back afterwards. */
    private String nestedPlansOfAnAppend() throws SQLException {
        try (Connection su = support.asSuperuser()) {
            su.setAutoCommit(false);
            try (Statement st = su.createStatement()) {
                st.execute("LOAD 'auto_explain'");
                st.execute("SET LOCAL auto_explain.log_min_duration = 0");
                st.execute("SET LOCAL auto_explain.log_nested_statements = on");
                st.execute("SET LOCAL auto_explain.log_level = notice");
                st.execute("SET LOCAL client_min_messages = notice");
                st.executeQuery("SELECT * FROM palisade_append_events('" + tenant.value() + "', '[{\"streamId\": "
                        + "\"stream-42\", \"expected\": \"any\", \"version\": 0, \"events\": [{\"eventId\": \""
                        + java.util.UUID.randomUUID() + "\", \"type\": \"Type1\", \"data\": {}}]}]')").close();
                StringBuilder plans = new StringBuilder();
                for (java.sql.SQLWarning w = st.getWarnings(); w != null; w = w.getNextWarning()) {
                    plans.append(w.getMessage()).append('\n');
                }
                return plans.toString();
            } finally {
                su.rollback();
            }
        }
    }

    private static final Object NONE = new Object();

    private void assertUsesIndex(String sql, String indexPrefix, List<Object> parameters) throws SQLException {
        String plan = explain(sql, parameters);
        assertFalse(plan.contains("\"Seq Scan\""), "no sequential scan of events:\n" + plan);
        assertTrue(plan.contains("\"Index Name\": \"" + indexPrefix), "expected an index " + indexPrefix
                + "* in the plan:\n" + plan);
    }

    /** EXPLAIN of the very statement the store runs, with its parameters bound, as the service role. */
    private String explain(String sql, List<Object> parameters) throws SQLException {
        try (Connection app = support.asApp()) {
            app.setAutoCommit(false);
            TenantSession.bind(app, tenant);
            try (PreparedStatement st = app.prepareStatement("EXPLAIN (FORMAT JSON) " + sql)) {
                for (int i = 0; i < parameters.size(); i++) {
                    Object p = parameters.get(i);
                    if (p == NONE) {
                        st.setNull(i + 1, java.sql.Types.TIMESTAMP_WITH_TIMEZONE);
                    } else if (p instanceof String[] array) {
                        st.setArray(i + 1, app.createArrayOf("text", array));
                    } else {
                        st.setObject(i + 1, p);
                    }
                }
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    return rs.getString(1);
                }
            } finally {
                app.rollback();
            }
        }
    }
}
