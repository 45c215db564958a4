package dev.palisade.api.events;

import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import dev.palisade.api.problem.Problem;
import dev.palisade.api.problem.ProblemType;
import dev.palisade.events.AppendLimitExceededException;
import dev.palisade.events.EventIdConflictException;
import dev.palisade.events.ExpectedVersion;
import dev.palisade.events.InvalidEventException;
import dev.palisade.events.StreamNotFoundException;
import dev.palisade.events.WrongExpectedVersionException;

/** The event store's exceptions, each mapped once to its problem. */
public class EventProblemMappers {

    @ServerExceptionMapper
    public Response wrongExpectedVersion(WrongExpectedVersionException e) {
        return Problem.of(ProblemType.VERSION_CONFLICT, e.getMessage())
                .with("streamId", e.streamId().value())
                .with("expectedVersion", e.expected().kind() == ExpectedVersion.Kind.EXACTLY
                        ? (Object) e.expected().version()
                        : e.expected().toString())
                .with("currentVersion", e.currentVersion()).toResponse();
    }

    @ServerExceptionMapper
    public Response eventIdConflict(EventIdConflictException e) {
        return Problem.of(ProblemType.CONFLICT, e.getMessage()).with("eventId", e.eventId().toString()).toResponse();
    }

    @ServerExceptionMapper
    public Response limitExceeded(AppendLimitExceededException e) {
        return Problem.of(ProblemType.PAYLOAD_TOO_LARGE, e.getMessage()).with("limit", e.limit())
                .with("max", e.max()).toResponse();
    }

    @ServerExceptionMapper
    public Response invalidEvent(InvalidEventException e) {
        return Problem.of(ProblemType.INVALID_FIELD, e.getMessage()).with("field", e.field()).toResponse();
    }

    @ServerExceptionMapper
    public Response streamNotFound(StreamNotFoundException e) {
        return Problem.of(ProblemType.NOT_FOUND, e.getMessage()).toResponse();
    }
}
