package dev.palisade.events;

/**
 * An append's {@link ExpectedVersion} did not match the stream. Nothing was written and no feed position was used.
 */
public class WrongExpectedVersionException extends EventStoreException {

    private final StreamId streamId;
    private final ExpectedVersion expected;
    private final long currentVersion;

    public WrongExpectedVersionException(StreamId streamId, ExpectedVersion expected, long currentVersion) {
        super("Stream '" + streamId + "' was expected to be at " + expected.describe() + ", but "
                + (currentVersion == 0 ? "it has no events" : "its current version is " + currentVersion) + ".");
        this.streamId = streamId;
        this.expected = expected;
        this.currentVersion = currentVersion;
    }

    public StreamId streamId() {
        return streamId;
    }

    public ExpectedVersion expected() {
        return expected;
    }

    /** The stream's last version when the append was checked; 0 when the stream has no events. */
    public long currentVersion() {
        return currentVersion;
    }
}
