package dev.palisade.api.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;

import dev.palisade.events.AppendResult;
import dev.palisade.events.EventPage;
import dev.palisade.events.RecordedEvent;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The JSON responses of the event endpoints (the request bodies are {@link AppendBody} and {@link EventBody}). Each
 * is registered for reflection because Jackson reaches them outside what Quarkus can see in the resource signatures
 * (the append result goes out in a {@code Response}, events are written into server-sent events by hand), and a
 * native image drops the record accessors and constructors of classes nobody registered.
 */
final class EventViews {

    private EventViews() {
    }

    /** What an append wrote (or, on a retry, had written). */
    @RegisterForReflection
    record AppendView(String streamId, long fromVersion, long toVersion, List<Long> positions) {
        static AppendView of(AppendResult result) {
            return new AppendView(result.streamId().value(), result.fromVersion(), result.toVersion(),
                    result.positions());
        }
    }

    /**
     * An event as read. {@code data} and {@code metadata} are the stored JSON text, written through as JSON objects
     * by {@link EventViewWriter} without being parsed.
     */
    @RegisterForReflection
    @JsonSerialize(using = EventViewWriter.class)
    record EventView(long position, String streamId, long version, UUID eventId, String type,
            @Schema(type = SchemaType.OBJECT) String data, @Schema(type = SchemaType.OBJECT) String metadata,
            Instant recordedAt) {
        static EventView of(RecordedEvent e) {
            return new EventView(e.position(), e.streamId().value(), e.version(), e.eventId(), e.type(), e.dataJson(),
                    e.metadataJson(), e.recordedAt());
        }
    }

    /** A page of events; {@code next} is the cursor of the following page, or null at the end. */
    @RegisterForReflection
    record PageView(List<EventView> events, Long next) {
        static PageView of(EventPage page) {
            return new PageView(page.events().stream().map(EventView::of).toList(), page.next());
        }
    }
}
