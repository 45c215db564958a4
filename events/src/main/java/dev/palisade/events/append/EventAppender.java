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
import java.util.function.Consumer;
import javax.sql.DataSource;

import org.jboss.logging.Logger;
import org.postgresql.util.PSQLException;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.palisade.events.AppendCommand;
import dev.palisade.events.AppendLimitExceededException;
import dev.palisade.events.AppendOutcomeUnknownException;
import dev.palisade.events.AppendResult;
import dev.palisade.events.EventIdConflictException;
import dev.palisade.events.EventStoreUnavailableException;
import dev.palisade.events.EventsCommitted;
import dev.palisade.events.ExpectedVersion;
import dev.palisade.events.InvalidEventException;
import dev.palisade.events.NewEvent;
import dev.palisade.events.WrongExpectedVersionException;
import dev.palisade.tenancy.TenantId;

/**
 * The append protocol, described here once: what the service sends to the database function
 * {@code palisade_append_events} (schema release 1.2.0), what it answers, and what each answer means. This class is
 * the only Java code that writes the function's input or reads its output; the function's own comment points here,
 * and {@code AppendProtocolTest} proves the two agree.
 * <p>
 * <b>Input</b>: the tenant, and a JSON array of appends, each
 * {@code {"streamId", "expected": "any|no_stream|exists|exactly", "version": n,
 * "events": [{"eventId", "type", "data", "metadata"}]}} ({@code version} matters for {@code exactly} only). The
 * function, in one statement:
 * <ol>
 * <li>binds an unbound transaction to the tenant, the way {@code TenantSession.bind(Connection, TenantId)} does, and
 * refuses a transaction bound to another tenant;</li>
 * <li>locks the appends' streams (sorted), then the tenant (transaction-scoped advisory locks, always in that
 * order, so that calls cannot deadlock);</li>
 * <li>answers one row per append, in order ({@link FunctionOutcome}), each with the stream's version before it:
 * {@code appended} (the events are inserted at the tenant's next positions; the row carries the first),
 * {@code wrong_version} (nothing written, no position taken) or {@code known_ids} (nothing written: some event ids
 * are recorded already; {@link RetryCheck} then tells a retry, which answers the original result, from a
 * conflict). Any other answer is an {@link AppendOutcomeUnknownException}, never a guess.</li>
 * </ol>
 * On a connection in autocommit mode ({@link #run}, the lanes' writers) the call is a transaction of its own and
 * commits inside the statement, so the tenant's lock is never held across a round trip to the service; the commit is
 * then announced ({@link EventsCommitted}). In a caller's transaction ({@link #appendInTransaction}, bound to the
 * tenant) the locks are held until the caller commits, and the caller announces the commit. Transactions must be READ
 * COMMITTED (PostgreSQL's default). The function sends no notification: a {@code NOTIFY} in the append's transaction
 * would serialise every commit of every tenant.
 */
public class EventAppender implements AppendLanes.Call {

    private static final Logger LOG = Logger.getLogger(EventAppender.class);
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String EVENT_ID_KEY = "events_event_id_uk";

    private final DataSource dataSource;
    private final ObjectMapper json;
    private final int maxEvents;
    private final long maxBytes;
    private final Consumer<EventsCommitted> committed;

    /**
     * Appends through {@code dataSource} (in autocommit mode for {@link #run}), at most {@code maxEvents} events and
     * {@code maxBytes} of data and metadata per append, and tells {@code committed} after each commit of {@link #run}
     * that wrote events.
     */
    public EventAppender(DataSource dataSource, ObjectMapper json, int maxEvents, long maxBytes,
            Consumer<EventsCommitted> committed) {
        this.dataSource = dataSource;
        this.json = json;
        this.maxEvents = maxEvents;
        this.maxBytes = maxBytes;
        this.committed = committed;
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

    /**
     * Appends several commands of one tenant in one call of their own, committed in the database before this returns:
     * one outcome per command, in order, and the commit announced. A failure of the call as a whole is thrown:
     * {@link EventStoreUnavailableException} (nothing written), {@link AppendOutcomeUnknownException} (the connection
     * broke after the call was sent), or an input's fault ({@link InvalidEventException},
     * {@link EventIdConflictException}) that the lanes attribute by trying each command alone.
     */
    @Override
    public List<AppendOutcome> run(TenantId tenant, List<EncodedAppend> appends) {
        Connection connection;
        try {
            connection = dataSource.getConnection();
        } catch (SQLException e) {
            throw EventStoreUnavailableException.of("Appending", e);
        }
        try (connection) {
            List<AppendOutcome> outcomes = call(connection, tenant, appends);
            announce(tenant, outcomes);
            resolveKnownIds(connection, tenant, appends, outcomes);
            return outcomes;
        } catch (SQLException e) {
            // Only closing the connection can get here; the appends' outcomes are settled by then.
            LOG.debugf("closing an append connection failed (SQL state %s)", e.getSQLState());
            throw EventStoreUnavailableException.of("Appending", e);
        }
    }

    /**
     * Appends one command in the caller's transaction, open on {@code connection} and bound to {@code tenant}; the
     * events commit or roll back with it. The caller announces the commit.
     */
    public AppendResult appendInTransaction(Connection connection, TenantId tenant, EncodedAppend append) {
        List<AppendOutcome> outcomes = call(connection, tenant, List.of(append));
        resolveKnownIds(connection, tenant, List.of(append), outcomes);
        return outcomes.get(0).get();
    }

    private static final String APPEND = """
            SELECT outcome, current_version, first_position FROM palisade_append_events(?, ?::jsonb)
            """;

    /** One call of the function: an outcome per append, {@code null} where its ids are known (to be resolved). */
    private static List<AppendOutcome> call(Connection connection, TenantId tenant, List<EncodedAppend> appends) {
        StringBuilder payload = new StringBuilder(appends.stream().mapToInt(a -> a.json().length() + 1).sum() + 2)
                .append('[');
        for (int i = 0; i < appends.size(); i++) {
            payload.append(i == 0 ? "" : ",").append(appends.get(i).json());
        }
        List<AppendOutcome> outcomes = new ArrayList<>(appends.size());
        try (PreparedStatement st = connection.prepareStatement(APPEND)) {
            st.setString(1, tenant.value());
            st.setString(2, payload.append(']').toString());
            try (ResultSet rs = st.executeQuery()) {
                for (int i = 0; rs.next() && i < appends.size(); i++) {
                    outcomes.add(outcome(appends.get(i).command(), rs.getString(1), rs.getLong(2), rs.getLong(3)));
                }
            }
        } catch (SQLException e) {
            throw translate(e, appends.get(0).command());
        }
        if (outcomes.size() != appends.size()) {
            throw new AppendOutcomeUnknownException("The database answered " + outcomes.size() + " outcomes for "
                    + appends.size() + " appends, so whether they were written is unknown; send them again with the "
                    + "same eventIds, which is safe.", null);
        }
        return outcomes;
    }

    private static AppendOutcome outcome(AppendCommand command, String answered, long current, long firstPosition) {
        try {
            return switch (FunctionOutcome.of(answered, command.streamId())) {
                case APPENDED -> AppendOutcome.of(appended(command, current, firstPosition));
                case WRONG_VERSION -> AppendOutcome.failed(new WrongExpectedVersionException(command.streamId(),
                        command.expectedVersion(), current));
                case KNOWN_IDS -> null;
            };
        } catch (AppendOutcomeUnknownException unknown) {
            return AppendOutcome.failed(unknown);
        }
    }

    private static void resolveKnownIds(Connection connection, TenantId tenant, List<EncodedAppend> appends,
            List<AppendOutcome> outcomes) {
        for (int i = 0; i < outcomes.size(); i++) {
            if (outcomes.get(i) == null) {
                try {
                    outcomes.set(i, RetryCheck.replay(connection, tenant, appends.get(i)));
                } catch (SQLException e) {
                    // The append wrote nothing (its ids were known); only telling retry from conflict failed.
                    outcomes.set(i, AppendOutcome.failed(EventStoreUnavailableException.of("Checking a retry", e)));
                }
            }
        }
    }

    /** Tells the observers that the tenant's feed holds new events, after their commit. */
    private void announce(TenantId tenant, List<AppendOutcome> outcomes) {
        long last = lastPosition(outcomes);
        if (last > 0) {
            CommitAnnouncement.now(committed, tenant, last);
        }
    }

    /** The last position written by {@code outcomes} (their appended results), or 0 when none wrote. */
    static long lastPosition(List<AppendOutcome> outcomes) {
        long last = 0;
        for (AppendOutcome outcome : outcomes) {
            if (outcome != null && outcome.result() != null && !outcome.result().replayed()) {
                List<Long> positions = outcome.result().positions();
                last = Math.max(last, positions.get(positions.size() - 1));
            }
        }
        return last;
    }

    private static AppendResult appended(AppendCommand command, long current, long firstPosition) {
        int n = command.events().size();
        List<Long> positions = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            positions.add(firstPosition + i);
        }
        return new AppendResult(command.streamId(), current + 1, current + n, positions, false);
    }

    /**
     * The store's exception for a failed call: the input's fault ({@link EventIdConflictException},
     * {@link InvalidEventException}), a broken connection ({@link AppendOutcomeUnknownException}: the call was sent),
     * or else the database's trouble ({@link EventStoreUnavailableException}: the statement failed, so its
     * transaction wrote nothing).
     */
    private static RuntimeException translate(SQLException e, AppendCommand first) {
        String constraint = e instanceof PSQLException pg && pg.getServerErrorMessage() != null
                ? pg.getServerErrorMessage().getConstraint()
                : null;
        if (UNIQUE_VIOLATION.equals(e.getSQLState()) && EVENT_ID_KEY.equals(constraint)) {
            // Another append recorded one of these ids concurrently, in another stream (a stream's appends are
            // serialised by its lock, and this call checked the ids under it).
            return new EventIdConflictException(first.events().get(0).eventId(), "one of this append's ids was "
                    + "recorded concurrently by another append");
        }
        if ("22P05".equals(e.getSQLState()) || "22021".equals(e.getSQLState())) {
            return new InvalidEventException("events", "contain text PostgreSQL cannot store; expected valid Unicode "
                    + "without U+0000.");
        }
        if (AppendOutcomeUnknownException.isConnectionLoss(e)) {
            return AppendOutcomeUnknownException.connectionLost(e);
        }
        return EventStoreUnavailableException.of("Appending", e);
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
