package dev.palisade.events;

import java.util.List;
import java.util.Objects;

/**
 * What an append wrote: the stream versions {@code fromVersion..toVersion} and one feed position per event, in order.
 * {@code replayed} is true when the append was a retry of one already recorded; nothing was written then.
 */
public record AppendResult(StreamId streamId, long fromVersion, long toVersion, List<Long> positions,
        boolean replayed) {

    public AppendResult {
        Objects.requireNonNull(streamId, "streamId");
        positions = List.copyOf(positions);
        if (fromVersion < 1 || toVersion < fromVersion || positions.size() != toVersion - fromVersion + 1) {
            throw new IllegalArgumentException("versions " + fromVersion + ".." + toVersion + " must be 1 or more, "
                    + "in order, with one position each; found " + positions.size() + " positions");
        }
    }
}
