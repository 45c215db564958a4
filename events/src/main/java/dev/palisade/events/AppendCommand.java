package dev.palisade.events;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Appends {@code events}, in order and atomically, to one stream if it meets {@code expectedVersion}. Event ids must be
 * distinct within the command. Size limits are the store's configuration ({@code palisade.events.max-append-*}).
 *
 * <pre>{@code
 * store.append(AppendCommand.to(StreamId.of("order-1"), ExpectedVersion.noStream(), List.of(placed)));
 * }</pre>
 */
public record AppendCommand(StreamId streamId, ExpectedVersion expectedVersion, List<NewEvent> events) {

    public AppendCommand {
        Objects.requireNonNull(streamId, "streamId");
        expectedVersion = expectedVersion == null ? ExpectedVersion.any() : expectedVersion;
        if (events == null || events.isEmpty()) {
            throw new InvalidEventException("events", "must hold at least one event; found none.");
        }
        events = List.copyOf(events);
        Set<Object> seen = new HashSet<>();
        for (int i = 0; i < events.size(); i++) {
            if (!seen.add(events.get(i).eventId())) {
                throw new InvalidEventException("events[" + i + "].eventId", "must be unique within the append; "
                        + "found " + events.get(i).eventId() + " twice.");
            }
        }
    }

    public static AppendCommand to(StreamId streamId, ExpectedVersion expectedVersion, List<NewEvent> events) {
        return new AppendCommand(streamId, expectedVersion, events);
    }
}
