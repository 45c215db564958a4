package dev.palisade.api.problem;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import jakarta.ws.rs.core.Response;

/**
 * An RFC 9457 problem: {@code type}, {@code title}, {@code status}, {@code detail}, plus extension members that help
 * the client ({@code currentVersion} for a conflict, {@code suggestion} for an unknown field).
 * <p>
 * The detail is written for the client: it states what was expected and what was found, never a class name, a stack
 * trace or SQL.
 */
public record Problem(ProblemType kind, String detail, Map<String, Object> extensions) {

    public static final String MEDIA_TYPE = "application/problem+json";
    /** The {@code Retry-After} of every 503: the database trouble behind one is usually over within seconds. */
    public static final int RETRY_AFTER_SECONDS = 1;

    public Problem {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(detail, "detail");
        extensions = Map.copyOf(extensions);
    }

    public static Problem of(ProblemType kind, String detail) {
        return new Problem(kind, detail, Map.of());
    }

    /** This problem with one more extension member. */
    public Problem with(String member, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(extensions);
        more.put(member, value);
        return new Problem(kind, detail, more);
    }

    /** The JSON body, members in the RFC's order. */
    public Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", kind.type().toString());
        body.put("title", kind.title());
        body.put("status", kind.status());
        body.put("detail", detail);
        body.putAll(extensions);
        return body;
    }

    /** The response; a 503 always says when to retry ({@value #RETRY_AFTER_SECONDS} s). */
    public Response toResponse() {
        Response.ResponseBuilder response = Response.status(kind.status()).type(MEDIA_TYPE)
                .entity(ProblemJson.write(this));
        if (kind.status() == 503) {
            response.header("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
        }
        return response.build();
    }
}
