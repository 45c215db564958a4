package dev.palisade.events;

/**
 * What an append expects of its stream, checked under the stream's lock before anything is written:
 * {@linkplain #any() any} state, {@linkplain #noStream() no events yet}, {@linkplain #exists() at least one event},
 * or {@linkplain #exactly(long) exactly} a given last version (0 meaning no events).
 *
 * <pre>{@code
 * ExpectedVersion.exactly(lastReadVersion); // optimistic concurrency
 * ExpectedVersion.parse("no_stream");       // as the REST API writes it
 * }</pre>
 */
public record ExpectedVersion(Kind kind, long version) {

    /** The kinds of expectation, with their wire names. */
    public enum Kind {
        ANY("any"), NO_STREAM("no_stream"), EXISTS("exists"), EXACTLY(null);

        private final String wireName;

        Kind(String wireName) {
            this.wireName = wireName;
        }
    }

    public ExpectedVersion {
        if (kind == null) {
            throw new InvalidEventException("expectedVersion", "must be given.");
        }
        if (kind == Kind.EXACTLY ? version < 0 : version != 0) {
            throw new InvalidEventException("expectedVersion", "must be \"any\", \"no_stream\", \"exists\" or a "
                    + "version of 0 or more; found " + version + ".");
        }
    }

    public static ExpectedVersion any() {
        return new ExpectedVersion(Kind.ANY, 0);
    }

    public static ExpectedVersion noStream() {
        return new ExpectedVersion(Kind.NO_STREAM, 0);
    }

    public static ExpectedVersion exists() {
        return new ExpectedVersion(Kind.EXISTS, 0);
    }

    /** The stream's last version must be {@code version}; 0 means the stream must have no events. */
    public static ExpectedVersion exactly(long version) {
        return new ExpectedVersion(Kind.EXACTLY, version);
    }

    /** Reads {@code "any"}, {@code "no_stream"}, {@code "exists"} or a decimal version. */
    public static ExpectedVersion parse(String text) {
        for (Kind kind : Kind.values()) {
            if (kind.wireName != null && kind.wireName.equals(text)) {
                return new ExpectedVersion(kind, 0);
            }
        }
        if (text != null && text.matches("[0-9]{1,18}")) {
            return exactly(Long.parseLong(text));
        }
        throw new InvalidEventException("expectedVersion", "must be \"any\", \"no_stream\", \"exists\" or a version "
                + "of 0 or more; found " + EventText.describe(text) + ".");
    }

    /** How the expectation reads in a message: "no events", "version 4", ... */
    public String describe() {
        return switch (kind) {
            case ANY -> "any version";
            case NO_STREAM -> "no events (no_stream)";
            case EXISTS -> "at least one event (exists)";
            case EXACTLY -> version == 0 ? "no events (version 0)" : "version " + version;
        };
    }

    /** The wire form: {@code any}, {@code no_stream}, {@code exists} or the number. */
    @Override
    public String toString() {
        return kind == Kind.EXACTLY ? Long.toString(version) : kind.wireName;
    }
}
