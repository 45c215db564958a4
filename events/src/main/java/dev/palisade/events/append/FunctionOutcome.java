package dev.palisade.events.append;

import java.util.Arrays;
import java.util.stream.Collectors;

import dev.palisade.events.AppendOutcomeUnknownException;
import dev.palisade.events.StreamId;

/**
 * The outcomes {@code palisade_append_events} answers for one append, by the name it answers them with (see
 * {@link EventAppender} for what each means). An outcome this list does not know is an error, never a guess.
 */
enum FunctionOutcome {

    /** Written: the row carries the stream's version before it and the append's first position. */
    APPENDED("appended"),
    /** Nothing written: the stream was not at the expected version (the row carries the version it is at). */
    WRONG_VERSION("wrong_version"),
    /** Nothing written: some of the append's event ids are recorded already (a retry, or a conflict). */
    KNOWN_IDS("known_ids");

    private final String answered;

    FunctionOutcome(String answered) {
        this.answered = answered;
    }

    /** The name the function answers this outcome with. */
    String answered() {
        return answered;
    }

    /**
     * The outcome the function answered for an append to {@code streamId}.
     *
     * @throws AppendOutcomeUnknownException the answer is none of the known outcomes (a function of another release)
     */
    static FunctionOutcome of(String answered, StreamId streamId) {
        for (FunctionOutcome outcome : values()) {
            if (outcome.answered.equals(answered)) {
                return outcome;
            }
        }
        throw new AppendOutcomeUnknownException("The database answered the append to stream '" + streamId
                + "' with the outcome '" + answered + "', but only " + Arrays.stream(values())
                        .map(FunctionOutcome::answered).collect(Collectors.joining(", "))
                + " are known here, so whether it was written is unknown; send it again with the same eventIds, "
                + "which is safe.", null);
    }
}
