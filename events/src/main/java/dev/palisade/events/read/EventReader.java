package dev.palisade.events.read;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.palisade.events.EventPage;
import dev.palisade.events.FeedQuery;
import dev.palisade.events.RecordedEvent;
import dev.palisade.events.StreamId;
import dev.palisade.tenancy.TenantId;

/**
 * Reads on a connection whose transaction the caller owns and has bound to {@code tenant}. Every query names the tenant
 * first and follows one of the events table's composite indexes; {@code EventReaderPlanTest} holds them to it.
 * <p>
 * Each page is fetched with one row more than asked for, to tell whether a {@code next} cursor is needed, in one
 * round trip (no fetch size: a page of 1,001 rows is read whole, a cursor would cost a round trip per batch). Events
 * keep their {@code data} and {@code metadata} as the JSON text PostgreSQL returned, parsed only when asked for
 * ({@link RecordedEvent#data()}): most reads pass them on untouched. Once a connection has run a statement a few times
 * the driver prepares it on the server and receives {@code uuid} and {@code timestamptz} in binary.
 */
public class EventReader {

    static final String STREAM = """
            SELECT position, stream_id, version, event_id, type, data::text, metadata::text, recorded_at
              FROM events
             WHERE tenant_id = ? AND stream_id = ? AND version >= ?
             ORDER BY version
             LIMIT ?
            """;

    /** Up to {@code limit} events of a stream from {@code fromVersion}; {@code next} is the following page's start. */
    public EventPage readStream(Connection connection, TenantId tenant, StreamId stream, long fromVersion, int limit)
            throws SQLException {
        try (PreparedStatement st = connection.prepareStatement(STREAM)) {
            st.setString(1, tenant.value());
            st.setString(2, stream.value());
            st.setLong(3, fromVersion);
            st.setInt(4, limit + 1);
            List<RecordedEvent> events = read(st, stream);
            if (events.size() <= limit) {
                return new EventPage(events, null);
            }
            return new EventPage(events.subList(0, limit), events.get(limit).version());
        }
    }

    static final String STREAM_EXISTS = """
            SELECT EXISTS (SELECT 1 FROM events WHERE tenant_id = ? AND stream_id = ?)
            """;

    /** Whether the stream has at least one event. */
    public boolean streamExists(Connection connection, TenantId tenant, StreamId stream) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement(STREAM_EXISTS)) {
            st.setString(1, tenant.value());
            st.setString(2, stream.value());
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    static final String CURRENT_VERSION = """
            SELECT coalesce(max(version), 0) FROM events WHERE tenant_id = ? AND stream_id = ?
            """;

    /** The stream's last version; 0 when it has no events. */
    public long currentVersion(Connection connection, TenantId tenant, StreamId stream) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement(CURRENT_VERSION)) {
            st.setString(1, tenant.value());
            st.setString(2, stream.value());
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    static final String FEED = """
            SELECT position, stream_id, version, event_id, type, data::text, metadata::text, recorded_at
              FROM events
             WHERE tenant_id = ? AND position > ?
               AND recorded_at >= coalesce(?::timestamptz, '-infinity')
               AND recorded_at < coalesce(?::timestamptz, 'infinity')
             ORDER BY position
             LIMIT ?
            """;

    /**
     * One scan of {@code (tenant_id, type, position)} per type, each stopping after the page size; the union is
     * ordered again. Cheaper than one scan filtering every type, and bounded whatever the types' shares of the feed.
     */
    static final String FEED_OF_TYPES = """
            SELECT e.* FROM unnest(?::text[]) AS t(type)
             CROSS JOIN LATERAL (
                   SELECT position, stream_id, version, event_id, type, data::text, metadata::text, recorded_at
                     FROM events
                    WHERE tenant_id = ? AND type = t.type AND position > ?
                      AND recorded_at >= coalesce(?::timestamptz, '-infinity')
                      AND recorded_at < coalesce(?::timestamptz, 'infinity')
                    ORDER BY position
                    LIMIT ?
                   ) e
             ORDER BY e.position
             LIMIT ?
            """;

    /** Feed events matching {@code query}, in position order; {@code next} is the following page's {@code after}. */
    public EventPage readFeed(Connection connection, TenantId tenant, FeedQuery query) throws SQLException {
        int fetch = query.limit() + 1;
        Timestamp from = query.from() == null ? null : Timestamp.from(query.from());
        Timestamp to = query.to() == null ? null : Timestamp.from(query.to());
        List<RecordedEvent> events;
        if (query.types().isEmpty()) {
            try (PreparedStatement st = connection.prepareStatement(FEED)) {
                st.setString(1, tenant.value());
                st.setLong(2, query.after());
                st.setTimestamp(3, from);
                st.setTimestamp(4, to);
                st.setInt(5, fetch);
                events = read(st, null);
            }
        } else {
            try (PreparedStatement st = connection.prepareStatement(FEED_OF_TYPES)) {
                st.setArray(1, connection.createArrayOf("text", query.types().toArray()));
                st.setString(2, tenant.value());
                st.setLong(3, query.after());
                st.setTimestamp(4, from);
                st.setTimestamp(5, to);
                st.setInt(6, fetch);
                st.setInt(7, fetch);
                events = read(st, null);
            }
        }
        if (events.size() <= query.limit()) {
            return new EventPage(events, null);
        }
        List<RecordedEvent> page = events.subList(0, query.limit());
        return new EventPage(page, page.get(page.size() - 1).position());
    }

    static final String HEAD = """
            SELECT coalesce((SELECT last_position FROM event_positions WHERE tenant_id = ?), 0)
            """;

    /** The tenant's last committed position (0 before its first event). */
    public long head(Connection connection, TenantId tenant) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement(HEAD)) {
            st.setString(1, tenant.value());
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The rows of a read; {@code stream} is the stream every row belongs to, or null for the feed. */
    private static List<RecordedEvent> read(PreparedStatement st, StreamId stream) throws SQLException {
        List<RecordedEvent> events = new ArrayList<>();
        // Stream ids were checked when appended; a page repeats few of them, so each is checked again once per page.
        Map<String, StreamId> streams = new HashMap<>();
        if (stream != null) {
            streams.put(stream.value(), stream);
        }
        try (ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                events.add(RecordedEvent.stored(rs.getLong(1), streams.computeIfAbsent(rs.getString(2), StreamId::of),
                        rs.getLong(3), rs.getObject(4, UUID.class),
                        rs.getString(5), rs.getString(6), rs.getString(7),
                        rs.getObject(8, OffsetDateTime.class).toInstant()));
            }
        }
        return events;
    }
}
