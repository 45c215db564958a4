package dev.palisade.events.append;

import dev.palisade.events.AppendCommand;

/**
 * An append checked against the size limits and written as the database function's input (the format is described
 * once, in {@link EventAppender}); {@code bytes} counts its events' data and metadata as UTF-8 JSON.
 */
public record EncodedAppend(AppendCommand command, String json, long bytes) {
}
