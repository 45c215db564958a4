package dev.palisade.api.problem;

import java.util.Objects;

/**
 * A request the API itself refuses before any module sees it (a body that is not strict JSON, for example); it
 * carries the problem to answer with, and is mapped once, as that problem.
 */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(Objects.requireNonNull(problem, "problem").detail());
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
