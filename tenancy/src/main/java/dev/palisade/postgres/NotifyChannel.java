package dev.palisade.postgres;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A PostgreSQL notification channel: the one definition of its name, used both to {@code LISTEN} and to send. The
 * name is a plain lower-case identifier, so it can be written into a {@code LISTEN} statement as it is.
 *
 * <pre>{@code
 * static final NotifyChannel CHANNEL = NotifyChannel.named("palisade_tenancy");
 * }</pre>
 */
public record NotifyChannel(String name) {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    public NotifyChannel {
        Objects.requireNonNull(name, "name");
        if (!IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("a channel name must be a plain lower-case identifier; found '"
                    + name + "'");
        }
    }

    public static NotifyChannel named(String name) {
        return new NotifyChannel(name);
    }

    @Override
    public String toString() {
        return name;
    }
}
