package dev.palisade.events.append;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.postgresql.util.PSQLException;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.palisade.events.AppendCommand;
import dev.palisade.events.AppendLimitExceededException;
import dev.palisade.events.AppendResult;
import dev.palisade.events.EventIdConflictException;
import dev.palisade.events.ExpectedVersion;
import dev.palisade.events.InvalidEventException;
import dev.palisade.events.NewEvent;
import dev.palisade.events.WrongExpectedVersionException;
import dev.palisade.tenancy.TenantId;

/**
 * Appends through the database function {@code palisade_append_events} (release 1.1.0), which for one tenant and a
 * list of appends, in one statement:
 * <ol>
 * <li>locks the appends' streams, then the tenant (transaction-scoped advisory locks, always in that order);</li>
 * <li>for each append: reports already recorded event ids, writing nothing (this class then tells a retry, same ids
 * and content, from a conflict); checks the expected version, writing nothing and taking no feed position on a
 * mismatch; or takes the tenant's next positions and inserts the events;</li>
 * <li>queues the {@value #CHANNEL} notification.</li>
 * </ol>
 * On a connection in autocommit mode the call is a transaction of its own and commits inside the statement, so the
 * tenant's lock is never held across a round trip to the service. In a caller's transaction (bound to the tenant) the
 * locks are held until the caller commits. Transactions must be READ COMMITTED (PostgreSQL's default).
 */
public class EventAppender {

    /** The NOTIFY channel; the payload is the tenant id. */
    public static final String CHANNEL = "palisade_events";

    private static final String UNIQUE_VIOLATION = "23505";
    private static final String EVENT_ID_KEY = "events_event_id_uk";

    private final ObjectMapper json;
    private final int maxEvents;
    private final long maxBytes;

    public EventAppender(ObjectMapper json, int maxEvents, long maxBytes) {
        this.json = json;
        this.maxEvents = maxEvents;
        this.maxBytes = maxBytes;
    }

    /** Checks the limits and writes the append as the function's JSON. */
    public EncodedAppend encode(AppendCommand command) {
        List<NewEvent> events = command.events();
        if (events.size() > maxEvents) {
            throw new AppendLimitExceededException("events", maxEvents, events.size());
        }
        StringWriter out = new StringWriter();
        long bytes = 0;
        try (JsonGenerator g = json.getFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("streamId", command.streamId().value());
            ExpectedVersion expected = command.expectedVersion();
            g.writeStringField("expected", expected.kind() == ExpectedVersion.Kind.EXACTLY
                    ? "exactly"
                    : expected.toString());
            g.writeNumberField("version", expected.version());
            g.writeArrayFieldStart("events");
            for (NewEvent event : events) {
                String data = json.writeValueAsString(event.data());
                String metadata = json.writeValueAsString(event.metadata());
                bytes += utf8Length(data) + utf8Length(metadata);
                g.writeStartObject();
                g.writeStringField("eventId", event.eventId().toString());
                g.writeStringField("type", event.type());
                g.writeFieldName("data");
                g.writeRawValue(data);
                g.writeFieldName("metadata");
                g.writeRawValue(metadata);
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("an append could not be written as JSON", e);
        }
        if (bytes > maxBytes) {
            throw new AppendLimitExceededException("bytes", maxBytes, bytes);
        }
        return new EncodedAppend(command, out.toString(), bytes);
    }

    /** Appends one command for {@code tenant}; see the class description for the transaction it runs in. */
    public AppendResult append(Connection connection, TenantId tenant, AppendCommand command) throws SQLException {
        return appendAll(connection, tenant, List.of(encode(command))).get(0).get();
    }

    private static final String APPEND = """
            SELECT outcome, current_version, first_position FROM palisade_append_events(?, ?::jsonb)
            """;

    /**
     * Appends several commands of one tenant in one call: one outcome per command, in order. A failure of the call
     * as a whole (a database error) is thrown; the caller may retry the commands one by one to attribute it.
     */
    public List<AppendOutcome> appendAll(Connection connection, TenantId tenant, List<EncodedAppend> appends)
            throws SQLException {
        StringBuilder payload = new StringBuilder(appends.stream().mapToInt(a -> a.json().length() + 1).sum() + 2)
                .append('[');
        for (int i = 0; i < appends.size(); i++) {
            payload.append(i == 0 ? "" : ",").append(appends.get(i).json());
        }
        List<AppendOutcome> outcomes = new ArrayList<>(appends.size());
        List<Integer> known = new ArrayList<>();
        try (PreparedStatement st = connection.prepareStatement(APPEND)) {
            st.setString(1, tenant.value());
            st.setString(2, payload.append(']').toString());
            try (ResultSet rs = st.executeQuery()) {
                for (int i = 0; rs.next(); i++) {
                    AppendCommand command = appends.get(i).command();
                    long current = rs.getLong(2);
                    switch (rs.getString(1)) {
                        case "appended" -> outcomes.add(AppendOutcome.of(appended(command, current, rs.getLong(3))));
                        case "wrong_version" -> outcomes.add(AppendOutcome.failed(new WrongExpectedVersionException(
                                command.streamId(), command.expectedVersion(), current)));
                        default -> {
                            known.add(i);
                            outcomes.add(null);
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw translate(e, appends.get(0).command());
        }
        if (outcomes.size() != appends.size()) {
            throw new IllegalStateException("palisade_append_events answered " + outcomes.size() + " outcomes for "
                    + appends.size() + " appends");
        }
        for (int i : known) {
            outcomes.set(i, RetryCheck.replay(connection, tenant, appends.get(i)));
        }
        return outcomes;
    }

    private static AppendResult appended(AppendCommand command, long current, long firstPosition) {
        int n = command.events().size();
        List<Long> positions = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            positions.add(firstPosition + i);
        }
        return new AppendResult(command.streamId(), current + 1, current + n, positions, false);
    }

    /** Throws the store's exception for failures that are the input's fault; returns any other database error. */
    private static SQLException translate(SQLException e, AppendCommand first) {
        String constraint = e instanceof PSQLException pg && pg.getServerErrorMessage() != null
                ? pg.getServerErrorMessage().getConstraint()
                : null;
        if (UNIQUE_VIOLATION.equals(e.getSQLState()) && EVENT_ID_KEY.equals(constraint)) {
            // Another append recorded one of these ids concurrently, in another stream (a stream's appends are
            // serialised by its lock, and this call checked the ids under it).
            throw new EventIdConflictException(first.events().get(0).eventId(), "one of this append's ids was "
                    + "recorded concurrently by another append");
        }
        if ("22P05".equals(e.getSQLState()) || "22021".equals(e.getSQLState())) {
            throw new InvalidEventException("events", "contain text PostgreSQL cannot store; expected valid Unicode "
                    + "without U+0000.");
        }
        return e;
    }

    static long utf8Length(String s) {
        long bytes = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c)) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}
