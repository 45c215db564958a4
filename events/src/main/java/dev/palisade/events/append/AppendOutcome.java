package dev.palisade.events.append;

import dev.palisade.events.AppendResult;

/** What became of one append of a combined call: its result, or the exception its caller gets. */
public record AppendOutcome(AppendResult result, RuntimeException failure) {

    public static AppendOutcome of(AppendResult result) {
        return new AppendOutcome(result, null);
    }

    public static AppendOutcome failed(RuntimeException failure) {
        return new AppendOutcome(null, failure);
    }

    /** The result, or the failure thrown. */
    public AppendResult get() {
        if (failure != null) {
            throw failure;
        }
        return result;
    }
}
