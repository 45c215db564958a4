package dev.palisade.api.problem;

import java.io.IOException;
import java.util.UUID;

import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonGenerationException;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * Maps every exception that reaches the REST layer to one problem+json response. Domain exceptions of the modules are
 * mapped where their resources live; this class covers the HTTP and JSON failures and the last resort.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response notFound(NotFoundException e, UriInfo uri) {
        return Problem.of(ProblemType.NOT_FOUND, "No resource at '" + uri.getPath() + "'.").toResponse();
    }

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e, UriInfo uri) {
        var allowed = e.getResponse().getAllowedMethods().stream().sorted().toList();
        if (allowed.isEmpty()) {
            return Problem.of(ProblemType.METHOD_NOT_ALLOWED,
                    "This method is not allowed on '" + uri.getPath() + "'.").toResponse();
        }
        String list = String.join(", ", allowed);
        Response problem = Problem.of(ProblemType.METHOD_NOT_ALLOWED,
                "This method is not allowed on '" + uri.getPath() + "'; allowed: " + list + ".")
                .with("allowed", allowed).toResponse();
        return Response.fromResponse(problem).header(HttpHeaders.ALLOW, list).build();
    }

    @ServerExceptionMapper
    public Response unsupported(NotSupportedException e, HttpHeaders headers) {
        String sent = headers.getMediaType() == null
                ? "no Content-Type"
                : "Content-Type '" + headers.getMediaType() + "'";
        return Problem.of(ProblemType.UNSUPPORTED_MEDIA_TYPE,
                "The request has " + sent + "; send 'application/json'.").toResponse();
    }

    @ServerExceptionMapper
    public Response notAcceptable(NotAcceptableException e) {
        return Problem.of(ProblemType.NOT_ACCEPTABLE,
                "No representation matches the Accept header; this resource produces 'application/json'.")
                .toResponse();
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return e.problem().toResponse();
    }

    // One mapper per Jackson type that Quarkus REST maps itself, so that ours (problem+json) is the one chosen.
    @ServerExceptionMapper
    public Response json(JsonProcessingException e) {
        if (e instanceof JsonGenerationException) {
            // Writing a response failed: the service's fault, never the client's (and never a 400 after a write).
            return unexpected(e);
        }
        return JsonProblems.from(e).toResponse();
    }

    @ServerExceptionMapper
    public Response jsonParse(JsonParseException e) {
        return JsonProblems.from(e).toResponse();
    }

    @ServerExceptionMapper
    public Response jsonMapping(JsonMappingException e) {
        return JsonProblems.from(e).toResponse();
    }

    @ServerExceptionMapper
    public Response jsonMismatch(MismatchedInputException e) {
        return JsonProblems.from(e).toResponse();
    }

    /** The body could not be read: the client broke the connection off or sent a malformed chunk. */
    @ServerExceptionMapper
    public Response unreadable(IOException e) {
        LOG.debugf("Request body could not be read (%s)", e.getClass().getSimpleName());
        return Problem.of(ProblemType.BAD_REQUEST, "The request body could not be read.").toResponse();
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return JsonProblems.from(json).toResponse();
        }
        int status = e.getResponse().getStatus();
        ProblemType kind = ProblemType.forStatus(status);
        Response.StatusType reason = Response.Status.fromStatusCode(status);
        return Problem.of(kind, reason == null ? kind.title() + "." : reason.getReasonPhrase() + ".").toResponse();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        var unavailable = DatabaseTrouble.of(e);
        if (unavailable.isPresent()) {
            // Expected under load or failover: one line, no stack trace, nothing from the driver's message.
            LOG.warnf("Database unavailable for a request (%s); answered 503", e.getClass().getSimpleName());
            return Problem.of(ProblemType.SERVICE_UNAVAILABLE, unavailable.get()).toResponse();
        }
        // Log the incident without the message: driver and ORM messages can carry SQL and data.
        String incident = UUID.randomUUID().toString();
        LOG.errorf("Unhandled %s (incident %s)", e.getClass().getName(), incident);
        LOG.debugf(e, "Incident %s", incident);
        return Problem.of(ProblemType.INTERNAL_ERROR,
                "The request failed unexpectedly; quote incident " + incident + " when reporting it.")
                .with("incident", incident).toResponse();
    }
}
