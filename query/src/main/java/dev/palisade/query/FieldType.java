package dev.palisade.query;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/**
 * The type of a typed field: what values it takes in a filter (checked and converted before binding) and how its
 * column reads back.
 */
public enum FieldType {
    TEXT("a string"), UUID("a UUID"), TIMESTAMP("an ISO-8601 timestamp such as 2026-01-01T00:00:00Z"), INTEGER(
            "an integer"), NUMBER("a number"), BOOLEAN("true or false");

    private final String expected;

    FieldType(String expected) {
        this.expected = expected;
    }

    /** What a value of this type looks like, for error messages. */
    public String expected() {
        return expected;
    }

    /**
     * {@code value} as the Java value bound for this type. Text from a query string ({@code "100"}, {@code "true"})
     * is parsed; a JSON value of another kind (a number for a text field) is refused.
     *
     * @throws QueryException naming {@code field} and the expected type
     */
    public Object coerce(String field, Object value) {
        if (value instanceof QueryText q) {
            value = q.text();
        }
        try {
            Object converted = convert(value);
            if (converted != null) {
                return converted;
            }
        } catch (NumberFormatException | DateTimeParseException e) {
            // Refused below, naming the expected type.
        }
        throw QueryException.invalid(field, "must be " + expected + "; found " + describe(value) + ".");
    }

    private Object convert(Object value) {
        return switch (this) {
            case TEXT -> value instanceof String s ? s : null;
            case UUID -> value instanceof java.util.UUID u
                    ? u
                    : value instanceof String s ? uuid(s) : null;
            case TIMESTAMP -> value instanceof Instant i
                    ? i.atOffset(ZoneOffset.UTC)
                    : value instanceof OffsetDateTime o
                            ? o
                            : value instanceof String s ? OffsetDateTime.parse(s) : null;
            case INTEGER -> value instanceof Long || value instanceof Integer
                    ? ((Number) value).longValue()
                    : value instanceof BigDecimal b
                            ? b.longValueExact()
                            : value instanceof String s ? Long.parseLong(s.strip()) : null;
            case NUMBER -> value instanceof BigDecimal b
                    ? b
                    : value instanceof Number n
                            ? new BigDecimal(n.toString())
                            : value instanceof String s ? new BigDecimal(s.strip()) : null;
            case BOOLEAN -> value instanceof Boolean b
                    ? b
                    : "true".equals(value) ? Boolean.TRUE : "false".equals(value) ? Boolean.FALSE : null;
        };
    }

    private static java.util.UUID uuid(String text) {
        try {
            java.util.UUID u = java.util.UUID.fromString(text);
            return u.toString().equalsIgnoreCase(text) ? u : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A column value as JDBC or Hibernate returned it, in this type's Java form ({@code Instant} for time). */
    public Object read(Object column) {
        if (column == null) {
            return null;
        }
        return switch (this) {
            case TIMESTAMP -> column instanceof Timestamp t
                    ? t.toInstant()
                    : column instanceof OffsetDateTime o
                            ? o.toInstant()
                            : column instanceof Instant ? column : Instant.parse(column.toString());
            case UUID -> column instanceof java.util.UUID ? column : java.util.UUID.fromString(column.toString());
            case INTEGER -> ((Number) column).longValue();
            case NUMBER -> column instanceof BigDecimal ? column : new BigDecimal(column.toString());
            case BOOLEAN, TEXT -> column;
        };
    }

    /** How a value reads in an error message. */
    static String describe(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String s) {
            return "'" + (s.length() > 40 ? s.substring(0, 40) + "…" : s) + "'";
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        return "a " + value.getClass().getSimpleName().toLowerCase().replace("list", "list").replace("map", "object");
    }
}
