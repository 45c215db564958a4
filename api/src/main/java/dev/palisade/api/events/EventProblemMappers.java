package dev.palisade.api.events;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import dev.palisade.api.problem.Problem;
import dev.palisade.api.problem.ProblemType;
import dev.palisade.events.AppendLimitExceededException;
import dev.palisade.events.AppendOutcomeUnknownException;
import dev.palisade.events.EventIdConflictException;
import dev.palisade.events.EventStoreUnavailableException;
import dev.palisade.events.ExpectedVersion;
import dev.palisade.events.InvalidEventException;
import dev.palisade.events.StreamNotFoundException;
import dev.palisade.events.WrongExpectedVersionException;

/** The event store's exceptions, each mapped once to its problem. */
public class EventProblemMappers {

    private static final Logger LOG = Logger.getLogger(EventProblemMappers.class);

    /** Seconds a client should wait before trying again when the database is the problem. */
    static final int RETRY_AFTER_SECONDS = 1;

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

    /**
     * The database is the problem, not the request: 503 with {@code Retry-After}, and {@code outcome} saying whether
     * an append may have been written ({@code "unknown"}: send it again with the same eventIds, which is safe) or
     * not ({@code "not-written"}).
     */
    @ServerExceptionMapper
    public Response storeUnavailable(EventStoreUnavailableException e) {
        boolean unknown = e instanceof AppendOutcomeUnknownException;
        // The SQL state only: the driver's message can carry SQL and data.
        LOG.warnf("Event store unavailable (%s, SQL state %s)", unknown ? "append outcome unknown" : "nothing written",
                e.sqlState());
        Response problem = Problem.of(ProblemType.SERVICE_UNAVAILABLE, e.getMessage())
                .with("outcome", unknown ? "unknown" : "not-written").toResponse();
        return Response.fromResponse(problem).header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS).build();
    }
}
