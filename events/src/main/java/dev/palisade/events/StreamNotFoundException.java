package dev.palisade.events;

/** A stream was read that has no events for the current tenant (it may exist for another tenant: that is no matter). */
public class StreamNotFoundException extends EventStoreException {

    public StreamNotFoundException(StreamId streamId) {
        super("Stream '" + streamId + "' was expected to have events, but it has none.");
    }
}
