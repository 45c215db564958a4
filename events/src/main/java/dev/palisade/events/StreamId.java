package dev.palisade.events;

import java.util.regex.Pattern;

/**
 * The id of a stream within a tenant: 1 to 200 characters of letters, digits and {@code . _ : @ -}, starting with a
 * letter or digit. A stream is {@code (tenant, streamId)}: two tenants' streams of the same id are unrelated.
 *
 * <pre>{@code
 * StreamId order = StreamId.of("order-1042");
 * }</pre>
 */
public record StreamId(String value) {

    private static final Pattern FORMAT = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._:@-]{0,199}$");

    public StreamId {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new InvalidEventException("streamId", "must be 1 to 200 letters, digits or . _ : @ -, starting "
                    + "with a letter or digit; found " + EventText.describe(value) + ".");
        }
    }

    public static StreamId of(String value) {
        return new StreamId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
