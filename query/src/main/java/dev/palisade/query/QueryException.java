package dev.palisade.query;

/**
 * A query that cannot be asked: an unknown field or operator (with the nearest known name as {@link #suggestion()}),
 * a value of the wrong type, a forbidden field, a filter too deep or too large, a cursor that is not this query's.
 * The message states what was expected and what was found; it never holds SQL.
 */
public class QueryException extends RuntimeException {

    /** What kind of mistake; the REST layer chooses the problem type by it. */
    public enum Kind {
        UNKNOWN_FIELD, INVALID_VALUE, TOO_COMPLEX
    }

    private final Kind kind;
    private final String field;
    private final String suggestion;

    public QueryException(Kind kind, String field, String message, String suggestion) {
        super(message);
        this.kind = kind;
        this.field = field;
        this.suggestion = suggestion;
    }

    /** {@code field} is not known; {@code suggestion} is the nearest known name, or {@code null}. */
    public static QueryException unknown(String what, String field, String suggestion) {
        String hint = suggestion == null ? "" : " Did you mean '" + suggestion + "'?";
        return new QueryException(Kind.UNKNOWN_FIELD, field, "Unknown " + what + " '" + field + "'." + hint,
                suggestion);
    }

    /** {@code field} (or parameter) has a value it cannot take; {@code expected} says what it takes. */
    public static QueryException invalid(String field, String expected) {
        return new QueryException(Kind.INVALID_VALUE, field, "'" + field + "' " + expected, null);
    }

    public static QueryException tooComplex(String field, String message) {
        return new QueryException(Kind.TOO_COMPLEX, field, message, null);
    }

    public Kind kind() {
        return kind;
    }

    /** The field, operator or parameter at fault. */
    public String field() {
        return field;
    }

    public String suggestion() {
        return suggestion;
    }
}
