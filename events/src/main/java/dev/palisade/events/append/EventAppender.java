package dev.palisade.events.append;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.postgresql.util.PSQLException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.palisade.events.AppendCommand;
import dev.palisade.events.AppendLimitExceededException;
import dev.palisade.events.AppendResult;
import dev.palisade.events.EventIdConflictException;
import dev.palisade.events.InvalidEventException;
import dev.palisade.events.NewEvent;
import dev.palisade.events.WrongExpectedVersionException;
import dev.palisade.tenancy.TenantId;

/**
 * Appends on a connection whose transaction the caller owns and has bound to {@code tenant}. In order:
 * <ol>
 * <li>lock the stream (a transaction-scoped advisory lock on tenant and stream), so that its version and the
 * idempotency check cannot change under us;</li>
 * <li>recognise a retry (all event ids known with the same content) and answer with the original result;</li>
 * <li>check the expected version; a mismatch throws before any feed position is taken;</li>
 * <li>in one statement, take the tenant's next positions (the {@code event_positions} row, locked until commit) and
 * insert every event with them, and queue the {@value #CHANNEL} notification.</li>
 * </ol>
 * The tenant's position row is the only lock shared by a tenant's writers, and it is taken last, so it is held only
 * for the insert and the commit. Transactions must be READ COMMITTED (PostgreSQL's default): each statement must see
 * what committed while it waited for the stream lock.
 */
public class EventAppender {

    /** The NOTIFY channel; the payload is the tenant id. */
    public static final String CHANNEL = "palisade_events";

    /** Keeps the event store's advisory locks apart from any other use of advisory locks ("EVTS"). */
    static final int LOCK_NAMESPACE = 0x45565453;

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

    /** Appends {@code command} for {@code tenant} inside the connection's current transaction. */
    public AppendResult append(Connection connection, TenantId tenant, AppendCommand command) throws SQLException {
        Batch batch = encode(command);
        lockStream(connection, tenant, command);
        StreamState state = streamState(connection, tenant, command, batch);
        if (state.knownIds()) {
            AppendResult original = replayOf(connection, tenant, command, batch);
            if (original != null) {
                return original;
            }
        }
        if (!command.expectedVersion().matches(state.currentVersion())) {
            throw new WrongExpectedVersionException(command.streamId(), command.expectedVersion(),
                    state.currentVersion());
        }
        return insert(connection, tenant, command, batch, state.currentVersion());
    }

    private Batch encode(AppendCommand command) {
        List<NewEvent> events = command.events();
        if (events.size() > maxEvents) {
            throw new AppendLimitExceededException("events", maxEvents, events.size());
        }
        Batch batch = new Batch(events.size());
        long bytes = 0;
        for (NewEvent event : events) {
            batch.ids.add(event.eventId());
            batch.types.add(event.type());
            batch.data.add(write(event.data()));
            batch.metadata.add(write(event.metadata()));
            bytes += utf8Length(batch.data.get(batch.data.size() - 1))
                    + utf8Length(batch.metadata.get(batch.metadata.size() - 1));
        }
        if (bytes > maxBytes) {
            throw new AppendLimitExceededException("bytes", maxBytes, bytes);
        }
        return batch;
    }

    private static final String LOCK_STREAM = """
            SELECT pg_advisory_xact_lock(?, hashtext(? || '/' || ?))
            """;

    private static void lockStream(Connection connection, TenantId tenant, AppendCommand command)
            throws SQLException {
        try (PreparedStatement st = connection.prepareStatement(LOCK_STREAM)) {
            st.setInt(1, LOCK_NAMESPACE);
            st.setString(2, tenant.value());
            st.setString(3, command.streamId().value());
            st.executeQuery().close();
        }
    }

    private record StreamState(long currentVersion, boolean knownIds) {
    }

    private static final String STREAM_STATE = """
            SELECT (SELECT coalesce(max(version), 0) FROM events WHERE tenant_id = ? AND stream_id = ?),
                   EXISTS (SELECT 1 FROM events WHERE tenant_id = ? AND event_id = ANY (?))
            """;

    private static StreamState streamState(Connection connection, TenantId tenant, AppendCommand command, Batch batch)
            throws SQLException {
        try (PreparedStatement st = connection.prepareStatement(STREAM_STATE)) {
            st.setString(1, tenant.value());
            st.setString(2, command.streamId().value());
            st.setString(3, tenant.value());
            st.setArray(4, batch.idArray(connection));
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return new StreamState(rs.getLong(1), rs.getBoolean(2));
            }
        }
    }

    private static final String RECORDED_WITH_SAME_IDS = """
            SELECT s.ord, e.stream_id, e.version, e.position,
                   e.type = s.type AND e.data = s.data::jsonb AND e.metadata = s.metadata::jsonb AS same_content
              FROM unnest(?::uuid[], ?::text[], ?::text[], ?::text[])
                   WITH ORDINALITY AS s(event_id, type, data, metadata, ord)
              LEFT JOIN events e ON e.tenant_id = ? AND e.event_id = s.event_id
             ORDER BY s.ord
            """;

    /** The original result if {@code command} repeats an append already recorded; throws if it half-repeats one. */
    private static AppendResult replayOf(Connection connection, TenantId tenant, AppendCommand command, Batch batch)
            throws SQLException {
        List<Long> positions = new ArrayList<>();
        long fromVersion = 0;
        UUID firstKnown = null;
        boolean someUnknown = false;
        try (PreparedStatement st = connection.prepareStatement(RECORDED_WITH_SAME_IDS)) {
            batch.bindArrays(connection, st, 1);
            st.setString(5, tenant.value());
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    int index = rs.getInt("ord") - 1;
                    UUID id = batch.ids.get(index);
                    String recordedStream = rs.getString("stream_id");
                    if (recordedStream == null) {
                        someUnknown = true;
                        continue;
                    }
                    firstKnown = firstKnown == null ? id : firstKnown;
                    if (!recordedStream.equals(command.streamId().value())) {
                        throw new EventIdConflictException(id, "it is already recorded in another stream");
                    }
                    if (!rs.getBoolean("same_content")) {
                        throw new EventIdConflictException(id, "it is already recorded with another type, data or "
                                + "metadata");
                    }
                    long version = rs.getLong("version");
                    fromVersion = positions.isEmpty() ? version : fromVersion;
                    if (version != fromVersion + positions.size()) {
                        throw new EventIdConflictException(id, "it is already recorded by another append");
                    }
                    positions.add(rs.getLong("position"));
                }
            }
        }
        if (positions.isEmpty()) {
            return null;
        }
        if (someUnknown) {
            throw new EventIdConflictException(firstKnown, "this append mixes it, already recorded, with new events");
        }
        return new AppendResult(command.streamId(), fromVersion, fromVersion + positions.size() - 1, positions, true);
    }

    private static final String INSERT = """
            WITH next AS (
                INSERT INTO event_positions AS p (tenant_id, last_position) VALUES (?, ?)
                ON CONFLICT (tenant_id) DO UPDATE SET last_position = p.last_position + excluded.last_position
                RETURNING p.last_position - ? AS before_first
            ), inserted AS (
                INSERT INTO events (tenant_id, position, stream_id, version, event_id, type, data, metadata)
                SELECT ?, next.before_first + e.ord, ?, ? + e.ord, e.event_id, e.type, e.data::jsonb, e.metadata::jsonb
                  FROM next, unnest(?::uuid[], ?::text[], ?::text[], ?::text[])
                             WITH ORDINALITY AS e(event_id, type, data, metadata, ord)
                RETURNING position
            )
            SELECT min(position), max(position), pg_notify('palisade_events', ?) FROM inserted
            """;

    private static AppendResult insert(Connection connection, TenantId tenant, AppendCommand command, Batch batch,
            long currentVersion) throws SQLException {
        int n = batch.ids.size();
        try (PreparedStatement st = connection.prepareStatement(INSERT)) {
            st.setString(1, tenant.value());
            st.setLong(2, n);
            st.setLong(3, n);
            st.setString(4, tenant.value());
            st.setString(5, command.streamId().value());
            st.setLong(6, currentVersion);
            batch.bindArrays(connection, st, 7);
            st.setString(11, tenant.value());
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                long first = rs.getLong(1);
                List<Long> positions = new ArrayList<>(n);
                for (long p = first; p <= rs.getLong(2); p++) {
                    positions.add(p);
                }
                return new AppendResult(command.streamId(), currentVersion + 1, currentVersion + n, positions, false);
            }
        } catch (SQLException e) {
            throw translate(e, batch);
        }
    }

    /** Failures that are the input's fault become the store's exceptions; anything else stays a database error. */
    private static RuntimeException translate(SQLException e, Batch batch) throws SQLException {
        String constraint = e instanceof PSQLException pg && pg.getServerErrorMessage() != null
                ? pg.getServerErrorMessage().getConstraint()
                : null;
        if (UNIQUE_VIOLATION.equals(e.getSQLState()) && EVENT_ID_KEY.equals(constraint)) {
            // Another append recorded one of these ids concurrently (in another stream: a stream's appends are
            // serialised by its lock, and this one checked the ids under it).
            return new EventIdConflictException(batch.ids.get(0), "one of this append's ids was recorded "
                    + "concurrently by another append");
        }
        if (e.getSQLState() != null && (e.getSQLState().equals("22P05") || e.getSQLState().equals("22021"))) {
            return new InvalidEventException("events", "contain text PostgreSQL cannot store; expected valid "
                    + "Unicode without U+0000.");
        }
        throw e;
    }

    private String write(JsonNode node) {
        try {
            return json.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree could not be written as JSON", e);
        }
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

    /** The command's events as parallel columns, bound as arrays so that one statement inserts them all. */
    private static final class Batch {
        final List<UUID> ids;
        final List<String> types;
        final List<String> data;
        final List<String> metadata;

        Batch(int size) {
            ids = new ArrayList<>(size);
            types = new ArrayList<>(size);
            data = new ArrayList<>(size);
            metadata = new ArrayList<>(size);
        }

        Array idArray(Connection connection) throws SQLException {
            return connection.createArrayOf("uuid", ids.toArray());
        }

        void bindArrays(Connection connection, PreparedStatement st, int first) throws SQLException {
            st.setArray(first, idArray(connection));
            st.setArray(first + 1, connection.createArrayOf("text", types.toArray()));
            st.setArray(first + 2, connection.createArrayOf("text", data.toArray()));
            st.setArray(first + 3, connection.createArrayOf("text", metadata.toArray()));
        }
    }
}
