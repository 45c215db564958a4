package dev.palisade.events;

/** An append carried more events, or more bytes of event data, than the store accepts in one append. */
public class AppendLimitExceededException extends EventStoreException {

    private final String limit;
    private final long max;
    private final long found;

    public AppendLimitExceededException(String limit, long max, long found) {
        super("An append may carry at most " + max + " " + limit + ", but this one has " + found + ".");
        this.limit = limit;
        this.max = max;
        this.found = found;
    }

    /** What was counted: {@code "events"} or {@code "bytes"}. */
    public String limit() {
        return limit;
    }

    public long max() {
        return max;
    }

    public long found() {
        return found;
    }
}
