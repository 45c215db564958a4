package dev.palisade.documents.collection;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The type of a declared index field: what a document may hold at that path, and the SQL function that turns the
 * jsonb value into the indexed one.
 * <p>
 * The database side of this rule is the four LEAKPROOF {@code palisade_doc_*(data jsonb, path text[])} functions of
 * {@code deploy/postgres/document-extractors.sql} (created by the bootstrap, as a superuser; they return {@code NULL}
 * for a value of another type and never raise an error, so an index never fails a write);
 * {@link #accepts(JsonNode)} refuses such a value before it reaches the database, and {@code DocumentIndexTypesTest}
 * proves both sides agree. A number's indexed value is its float8 key ({@code dev.palisade.query.Float8Key} is that
 * rule's Java side).
 */
public enum FieldType {
    TEXT("palisade_doc_text", "palisade_doc_text"), NUMBER("palisade_doc_number_key",
            "palisade_doc_number"), BOOLEAN("palisade_doc_boolean", "palisade_doc_boolean"),
    /** An RFC 3339 date-time with an explicit offset ({@code 2026-01-31T12:00:00Z}): immutable, so indexable. */
    TIMESTAMP("palisade_doc_timestamp", "palisade_doc_timestamp");

    /**
     * The shape {@code palisade_doc_timestamp} indexes, character for character the pattern of its SQL definition:
     * every field in the range PostgreSQL accepts (no year 0000, month 13, hour 24, second 60, or offset beyond
     * +-15:59), so that its cast never fails; the day of the month is checked against the month on both sides too.
     */
    public static final Pattern RFC3339 = Pattern.compile("^(?!0000)[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])"
            + "[Tt ]([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\\.[0-9]{1,6})?([Zz]|[+-](0[0-9]|1[0-5]):[0-5][0-9])$");

    private final String sqlFunction;
    private final String legacySqlFunction;

    FieldType(String sqlFunction, String legacySqlFunction) {
        this.sqlFunction = sqlFunction;
        this.legacySqlFunction = legacySqlFunction;
    }

    /** The LEAKPROOF function of (data jsonb, path text[]) an index is built on. */
    public String sqlFunction() {
        return sqlFunction;
    }

    /**
     * The one-argument function of schema 1.3.0 (of {@code data #> path}; not LEAKPROOF): the indexes of that release
     * were built on it, and a number's exact (numeric) value is still read by it.
     */
    public String legacySqlFunction() {
        return legacySqlFunction;
    }

    /** The name used in the collections file: {@code text}, {@code number}, {@code boolean}, {@code timestamp}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether a document may hold {@code value} at an indexed path of this type; JSON {@code null} always fits. */
    public boolean accepts(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return true;
        }
        return switch (this) {
            case TEXT -> value.isTextual();
            case NUMBER -> value.isNumber();
            case BOOLEAN -> value.isBoolean();
            case TIMESTAMP -> value.isTextual() && isTimestamp(value.textValue());
        };
    }

    private static boolean isTimestamp(String text) {
        if (!RFC3339.matcher(text).matches()) {
            return false;
        }
        try {
            OffsetDateTime.parse(text.replace(' ', 'T').replace('t', 'T').replace('z', 'Z'));
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** The type named {@code label} in a collections file, or {@code null}. */
    static FieldType of(String label) {
        for (FieldType type : values()) {
            if (type.label().equals(label)) {
                return type;
            }
        }
        return null;
    }
}
