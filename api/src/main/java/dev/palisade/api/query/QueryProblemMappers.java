package dev.palisade.api.query;

import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import dev.palisade.api.problem.Problem;
import dev.palisade.api.problem.ProblemType;
import dev.palisade.query.QueryException;
import dev.palisade.query.QueryTimeoutException;

/** The query language's exceptions, each mapped once to its problem. */
public class QueryProblemMappers {

    @ServerExceptionMapper
    public Response invalidQuery(QueryException e) {
        ProblemType type = switch (e.kind()) {
            case UNKNOWN_FIELD -> ProblemType.UNKNOWN_FIELD;
            case INVALID_VALUE -> ProblemType.INVALID_FIELD;
            case TOO_COMPLEX -> ProblemType.BAD_REQUEST;
        };
        Problem problem = Problem.of(type, e.getMessage()).with("field", e.field());
        return (e.suggestion() == null ? problem : problem.with("suggestion", e.suggestion())).toResponse();
    }

    @ServerExceptionMapper
    public Response timedOut(QueryTimeoutException e) {
        return Problem.of(ProblemType.SERVICE_UNAVAILABLE, e.getMessage())
                .with("hint", "Filter or order on an indexed field, or declare an index for this field.")
                .toResponse();
    }
}
