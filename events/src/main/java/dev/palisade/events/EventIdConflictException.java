package dev.palisade.events;

import java.util.UUID;

/**
 * An append reused an event id that this tenant already recorded with other content, or mixed recorded and new ids.
 * A retry of an append with exactly the same events is not a conflict: it returns the original result.
 */
public class EventIdConflictException extends EventStoreException {

    private final UUID eventId;

    public EventIdConflictException(UUID eventId, String found) {
        super("Event id " + eventId + " was expected to be new or a retry of the same event, but " + found + ".");
        this.eventId = eventId;
    }

    public UUID eventId() {
        return eventId;
    }
}
