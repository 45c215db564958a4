package dev.palisade.api.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Serializes problems without depending on the media-type negotiation of the request that failed. */
final class ProblemJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ProblemJson() {
    }

    static String write(Problem problem) {
        try {
            return MAPPER.writeValueAsString(problem.body());
        } catch (JsonProcessingException e) {
            // Only plain strings, numbers and lists go into a problem body, so this cannot happen.
            throw new IllegalStateException("problem body is not serializable", e);
        }
    }
}
