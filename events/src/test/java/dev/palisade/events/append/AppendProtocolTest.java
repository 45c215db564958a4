package dev.palisade.events.append;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import dev.palisade.events.AppendCommand;
import dev.palisade.events.AppendOutcomeUnknownException;
import dev.palisade.events.EventStore;
import dev.palisade.events.EventsTestSupport;
import dev.palisade.events.ExpectedVersion;
import dev.palisade.events.NewEvent;
import dev.palisade.events.StreamId;
import dev.palisade.tenancy.TenantId;
import dev.palisade.tenancy.session.TenantSession;
import dev.palisade.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The two sides of the append protocol agree: the outcomes {@code palisade_append_events} can answer are exactly
 * those {@link EventAppender} knows, an outcome it does not know is an error (never a silent retry), the function and
 * {@link TenantSession#bind(Connection, TenantId)} bind the tenant the same way, and the function notifies no one.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class AppendProtocolTest {

    /** An outcome in the function's body: every one is written as a text literal cast to text, nothing else is. */
    private static final Pattern ANSWERED = Pattern.compile("'([a-z_]+)'::text");

    @Inject
    EventsTestSupport support;

    @Inject
    EventStore store;

    @Test
    void theFunctionAnswersExactlyTheOutcomesKnownHere() throws SQLException {
        Set<String> answered = new TreeSet<>();
        try (Connection su = support.asSuperuser();
                Statement st = su.createStatement();
                ResultSet rs = st.executeQuery(
                        "SELECT prosrc FROM pg_proc WHERE proname = 'palisade_append_events'")) {
            assertTrue(rs.next(), "the function exists");
            Matcher m = ANSWERED.matcher(rs.getString(1));
            while (m.find()) {
                answered.add(m.group(1));
            }
            assertFalse(rs.next(), "one palisade_append_events, no overload");
        }
        Set<String> known = Arrays.stream(FunctionOutcome.values()).map(FunctionOutcome::answered)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(known, answered, "the outcomes the function answers, and those the service reads");
    }

    /**
     * A function of another release that answers an outcome this service does not know, for an append whose ids are
     * recorded: reading it as "known ids" would silently answer the original result. It must be an error instead.
     */
    @Test
    void anUnknownOutcomeIsAnErrorNeverASilentRetry() throws SQLException {
        TenantId tenant = support.newTenant("protocol");
        AppendCommand command = AppendCommand.to(StreamId.of("s"), ExpectedVersion.any(),
                List.of(support.event("A", 1)));
        support.append(tenant, command);
        EventAppender appender = support.replicaAppender();
        try (Connection su = support.asSuperuser()) {
            su.setAutoCommit(false);
            try (Statement st = su.createStatement()) {
                st.execute("CREATE SCHEMA newer_release");
                st.execute("""
                        CREATE FUNCTION newer_release.palisade_append_events(p_tenant text, p_appends jsonb)
                            RETURNS TABLE (outcome text, current_version bigint, first_position bigint)
                            LANGUAGE sql AS $$ SELECT 'replayed_elsewhere'::text, 1::bigint, NULL::bigint $$
                        """);
                st.execute("SET LOCAL search_path = newer_release, public");
            }
            TenantSession.bind(su, tenant);
            AppendOutcomeUnknownException e = assertThrows(AppendOutcomeUnknownException.class,
                    () -> appender.appendInTransaction(su, tenant, appender.encode(command)));
            assertTrue(e.getMessage().contains("'replayed_elsewhere'"), e.getMessage());
            assertTrue(e.getMessage().contains("same eventIds"), "the message says how to resolve it: "
                    + e.getMessage());
        }
    }

    @Test
    void theJavaBindingAndTheFunctionBindTheSameTenant() throws SQLException {
        TenantId a = support.newTenant("bind-a");
        TenantId b = support.newTenant("bind-b");
        EventAppender appender = support.replicaAppender();
        try (Connection app = support.asApp()) {
            app.setAutoCommit(false);
            TenantSession.bind(app, a);
            assertEquals(a.value(), currentTenant(app), "row-level security sees the tenant bound from Java");
            AppendCommand command = AppendCommand.to(StreamId.of("s"), ExpectedVersion.any(),
                    List.of(support.event("A", 1)));
            SQLException refused = assertThrows(SQLException.class, () -> callFunction(app, b, appender, command));
            assertEquals("42501", refused.getSQLState(), refused.getMessage());
            assertTrue(refused.getMessage().contains("bound to tenant " + a), refused.getMessage());
            app.rollback();

            assertNull(currentTenant(app), "a new transaction starts unbound");
            callFunction(app, a, appender, command);
            assertEquals(a.value(), currentTenant(app), "the function binds an unbound transaction as Java does");
            app.rollback();
        }
    }

    /** The function alone, committed by itself (as the lanes call it): no NOTIFY rides in its transaction. */
    @Test
    void theFunctionNotifiesNoOne() throws Exception {
        TenantId tenant = support.newTenant("quiet");
        EventAppender appender = support.replicaAppender();
        try (Connection listener = support.asApp(); Connection writer = support.asApp()) {
            try (Statement st = listener.createStatement()) {
                st.execute("LISTEN palisade_events"); // the channel subscriptions listen on (CommitNotice)
            }
            callFunction(writer, tenant, appender, AppendCommand.to(StreamId.of("s"), ExpectedVersion.any(),
                    List.of(NewEvent.of("A", support.data("n", 1)))));
            PGNotification[] received = listener.unwrap(PGConnection.class).getNotifications(500);
            assertEquals(0, received == null ? 0 : received.length,
                    "a NOTIFY in the append's transaction would serialise every commit of every tenant");
        }
        assertEquals(1, support.as(tenant, () -> store.head()), "the call did append");
    }

    private static void callFunction(Connection connection, TenantId tenant, EventAppender appender,
            AppendCommand command) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement(
                "SELECT outcome FROM palisade_append_events(?, ?::jsonb)")) {
            st.setString(1, tenant.value());
            st.setString(2, "[" + appender.encode(command).json() + "]");
            st.executeQuery().close();
        }
    }

    private static String currentTenant(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("SELECT palisade_current_tenant()")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
