package dev.palisade.api.problem;

import java.net.URI;

/** The kinds of problem the service answers with; each has a stable {@code type} URI and a fixed title. */
public enum ProblemType {
    // One constant per line, as a table: the formatter would otherwise wrap them into a staircase.
    // @formatter:off
    BAD_REQUEST("bad-request", "Bad request", 400),
    MALFORMED_JSON("malformed-json", "Malformed JSON", 400),
    UNKNOWN_FIELD("unknown-field", "Unknown field", 400),
    INVALID_FIELD("invalid-field", "Invalid field", 400),
    UNAUTHORIZED("unauthorized", "Unauthorized", 401),
    FORBIDDEN("forbidden", "Forbidden", 403),
    NOT_FOUND("not-found", "Not found", 404),
    METHOD_NOT_ALLOWED("method-not-allowed", "Method not allowed", 405),
    NOT_ACCEPTABLE("not-acceptable", "Not acceptable", 406),
    CONFLICT("conflict", "Conflict", 409),
    VERSION_CONFLICT("version-conflict", "Version conflict", 409),
    PRECONDITION_FAILED("precondition-failed", "Precondition failed", 412),
    PAYLOAD_TOO_LARGE("payload-too-large", "Payload too large", 413),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", "Unsupported media type", 415),
    UNPROCESSABLE("unprocessable", "Unprocessable request", 422),
    TOO_MANY_REQUESTS("too-many-requests", "Too many requests", 429),
    INTERNAL_ERROR("internal-error", "Internal error", 500),
    SERVICE_UNAVAILABLE("service-unavailable", "Service unavailable", 503),
    INVALID_DOCUMENT("invalid-document", "Invalid document", 400),
    UNKNOWN_COLLECTION("unknown-collection", "Unknown collection", 400),
    UNIQUE_VIOLATION("unique-violation", "Unique index violation", 409);
    // @formatter:on

    /** Where the problem types live; a client should compare whole {@code type} URIs, not titles. */
    public static final String BASE = "https://palisade.dev/problems/";

    private final URI type;
    private final String title;
    private final int status;

    ProblemType(String slug, String title, int status) {
        this.type = URI.create(BASE + slug);
        this.title = title;
        this.status = status;
    }

    public URI type() {
        return type;
    }

    public String title() {
        return title;
    }

    public int status() {
        return status;
    }

    /**
     * The generic type for an HTTP status: the first constant declared with it (so {@code CONFLICT}, not
     * {@code VERSION_CONFLICT}); unknown statuses fall back to {@code BAD_REQUEST} or {@code INTERNAL_ERROR}.
     */
    public static ProblemType forStatus(int status) {
        for (ProblemType candidate : values()) {
            if (candidate.status == status) {
                return candidate;
            }
        }
        return status >= 500 ? INTERNAL_ERROR : BAD_REQUEST;
    }
}
