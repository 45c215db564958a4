package dev.palisade.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An event as recorded: its {@code position} in the tenant's feed (strictly increasing, gap-free over committed
 * events), its {@code version} in its stream (1, 2, ...), and what was appended. {@code recordedAt} is the start of the
 * appending transaction.
 * <p>
 * {@link #data()} and {@link #metadata()} are JSON trees with numbers exactly as stored, parsed from the stored text on
 * first use; {@link #dataJson()} and {@link #metadataJson()} are that text (as PostgreSQL prints {@code jsonb}), for
 * code that passes events on without looking inside, such as the REST API. Two events are equal when every component
 * is, the JSON compared as trees.
 */
public final class RecordedEvent {

    private final long position;
    private final StreamId streamId;
    private final long version;
    private final UUID eventId;
    private final String type;
    private final StoredJson data;
    private final StoredJson metadata;
    private final Instant recordedAt;

    public RecordedEvent(long position, StreamId streamId, long version, UUID eventId, String type, JsonNode data,
            JsonNode metadata, Instant recordedAt) {
        this(position, streamId, version, eventId, type, StoredJson.ofTree(data), StoredJson.ofTree(metadata),
                recordedAt);
    }

    private RecordedEvent(long position, StreamId streamId, long version, UUID eventId, String type, StoredJson data,
            StoredJson metadata, Instant recordedAt) {
        this.position = position;
        this.streamId = Objects.requireNonNull(streamId, "streamId");
        this.version = version;
        this.eventId = Objects.requireNonNull(eventId, "eventId");
        this.type = Objects.requireNonNull(type, "type");
        this.data = data;
        this.metadata = metadata;
        this.recordedAt = Objects.requireNonNull(recordedAt, "recordedAt");
    }

    /** An event as read from the database, its data and metadata the JSON text PostgreSQL returned. */
    public static RecordedEvent stored(long position, StreamId streamId, long version, UUID eventId, String type,
            String dataJson, String metadataJson, Instant recordedAt) {
        return new RecordedEvent(position, streamId, version, eventId, type, StoredJson.ofText(dataJson),
                StoredJson.ofText(metadataJson), recordedAt);
    }

    public long position() {
        return position;
    }

    public StreamId streamId() {
        return streamId;
    }

    public long version() {
        return version;
    }

    public UUID eventId() {
        return eventId;
    }

    public String type() {
        return type;
    }

    /** The event's data, a JSON object (parsed on first use, numbers exact). */
    public JsonNode data() {
        return data.tree();
    }

    /** The event's metadata, a JSON object ({@code {}} when none was given). */
    public JsonNode metadata() {
        return metadata.tree();
    }

    /** The data as JSON text, unparsed: as stored, in PostgreSQL's {@code jsonb} spelling. */
    public String dataJson() {
        return data.text();
    }

    /** The metadata as JSON text, unparsed. */
    public String metadataJson() {
        return metadata.text();
    }

    public Instant recordedAt() {
        return recordedAt;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RecordedEvent e && position == e.position && version == e.version
                && streamId.equals(e.streamId) && eventId.equals(e.eventId) && type.equals(e.type)
                && recordedAt.equals(e.recordedAt) && data().equals(e.data()) && metadata().equals(e.metadata());
    }

    @Override
    public int hashCode() {
        return Objects.hash(position, streamId, version, eventId, type, recordedAt);
    }

    @Override
    public String toString() {
        return "RecordedEvent[position=" + position + ", streamId=" + streamId + ", version=" + version + ", eventId="
                + eventId + ", type=" + type + ", data=" + dataJson() + ", metadata=" + metadataJson() + ", recordedAt="
                + recordedAt + "]";
    }
}
