package dev.palisade.events.append;

import dev.palisade.events.AppendCommand;

/**
 * An append checked against the size limits and written as the JSON the database function takes:
 * {@code {"streamId", "expected", "version", "events": [{"eventId", "type", "data", "metadata"}]}}.
 */
public record EncodedAppend(AppendCommand command, String json, long bytes) {
}
