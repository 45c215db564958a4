package dev.palisade.events;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An event as recorded: its {@code position} in the tenant's feed (strictly increasing, gap-free over committed
 * events), its {@code version} in its stream (1, 2, ...), and what was appended. {@code recordedAt} is the start of the
 * appending transaction.
 */
public record RecordedEvent(long position, StreamId streamId, long version, UUID eventId, String type, JsonNode data,
        JsonNode metadata, Instant recordedAt) {
}
