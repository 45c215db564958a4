package dev.palisade.events.append;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.palisade.events.AppendCommand;
import dev.palisade.events.AppendOutcomeUnknownException;
import dev.palisade.events.AppendResult;
import dev.palisade.events.EventIdConflictException;
import dev.palisade.tenancy.TenantId;
import dev.palisade.tenancy.session.TenantSession;

/**
 * Tells a retry from a conflict when an append's event ids are already recorded: the same ids, in the same stream, in
 * the same order, with the same type, data and metadata are a retry (the original result); anything else is an
 * {@link EventIdConflictException}. JSON is compared as {@code jsonb}, so key order and spacing do not matter.
 */
final class RetryCheck {

    private RetryCheck() {
    }

    /**
     * Some ids of the append are recorded: the original result if it repeats that append, else a conflict. Recorded
     * events never change, so reading them after the call's own transaction ended is safe.
     */
    static AppendOutcome replay(Connection connection, TenantId tenant, EncodedAppend append)
            throws SQLException {
        try {
            if (!connection.getAutoCommit()) {
                return AppendOutcome.of(replayOf(connection, tenant, append));
            }
            connection.setAutoCommit(false);
            try {
                TenantSession.bind(connection, tenant);
                AppendResult original = replayOf(connection, tenant, append);
                connection.commit();
                return AppendOutcome.of(original);
            } finally {
                if (!connection.getAutoCommit()) {
                    connection.rollback();
                    connection.setAutoCommit(true);
                }
            }
        } catch (EventIdConflictException | AppendOutcomeUnknownException e) {
            return AppendOutcome.failed(e);
        }
    }

    private static final String RECORDED_WITH_SAME_IDS = """
            SELECT s.ord, e.stream_id, e.version, e.position,
                   e.type = s.type AND e.data = s.data AND e.metadata = coalesce(s.metadata, '{}') AS same_content
              FROM ROWS FROM (jsonb_to_recordset(?::jsonb -> 'events')
                              AS ("eventId" uuid, type text, data jsonb, metadata jsonb))
                   WITH ORDINALITY AS s(event_id, type, data, metadata, ord)
              LEFT JOIN events e ON e.tenant_id = ? AND e.event_id = s.event_id
             ORDER BY s.ord
            """;

    /** The original result if {@code append} repeats an append already recorded; throws if it half-repeats one. */
    private static AppendResult replayOf(Connection connection, TenantId tenant, EncodedAppend append)
            throws SQLException {
        AppendCommand command = append.command();
        List<Long> positions = new ArrayList<>();
        long fromVersion = 0;
        UUID firstKnown = null;
        boolean someUnknown = false;
        try (PreparedStatement st = connection.prepareStatement(RECORDED_WITH_SAME_IDS)) {
            st.setString(1, append.json());
            st.setString(2, tenant.value());
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    UUID id = command.events().get(rs.getInt("ord") - 1).eventId();
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
            // The function saw recorded ids that this read does not: recorded events never go away, so the two
            // disagree on what an append means (another release of the function): an error, never a guess.
            throw new AppendOutcomeUnknownException("The database reported recorded event ids for the append to "
                    + "stream '" + command.streamId() + "', but none of its ids is recorded; send it again with the "
                    + "same eventIds, which is safe.", null);
        }
        if (someUnknown) {
            throw new EventIdConflictException(firstKnown, "this append mixes it, already recorded, with new events");
        }
        return new AppendResult(command.streamId(), fromVersion, fromVersion + positions.size() - 1, positions, true);
    }

}
