package dev.palisade.events;

/**
 * A value given to the event store is not acceptable: a malformed stream id or type, data that is not a JSON object,
 * text PostgreSQL cannot store. {@link #field()} names the offending field, as a path such as
 * {@code events[2].data.customer}.
 */
public class InvalidEventException extends EventStoreException {

    private final String field;
    private final String problem;

    public InvalidEventException(String field, String problem) {
        super("Field '" + field + "' " + problem);
        this.field = field;
        this.problem = problem;
    }

    /** The offending field, as a path. */
    public String field() {
        return field;
    }

    /** The same problem, reported for a field inside {@code parent} (for example {@code events[2]}). */
    public InvalidEventException within(String parent) {
        return new InvalidEventException(parent + "." + field, problem);
    }
}
