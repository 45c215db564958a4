package dev.palisade.events;

/**
 * Base of the event store's exceptions. Each states what was expected and what was found, and the API maps each kind
 * once to a problem response.
 */
public abstract class EventStoreException extends RuntimeException {

    protected EventStoreException(String message) {
        super(message);
    }

    protected EventStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
