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
 * The database side of this rule is the four {@code palisade_doc_*} functions of schema release 1.3.0 (they return
 * {@code NULL} for a value of another type, so an index never fails a write); {@link #accepts(JsonNode)} refuses such a
 * value before it reaches the database, and {@code DocumentIndexTypesTest} proves both sides agree.
 */
public enum FieldType {
    TEXT("palisade_doc_text"), NUMBER("palisade_doc_number"), BOOLEAN("palisade_doc_boolean"),
    /** An RFC 3339 date-time with an explicit offset ({@code 2026-01-31T12:00:00Z}): immutable, so indexable. */
    TIMESTAMP("palisade_doc_timestamp");

    /** The shape {@code palisade_doc_timestamp} indexes; the same text as in its SQL definition. */
    public static final Pattern RFC3339 = Pattern
            .compile("^\\d{4}-\\d{2}-\\d{2}[Tt ]\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,6})?([Zz]|[+-]\\d{2}:\\d{2})$");

    private final String sqlFunction;

    FieldType(String sqlFunction) {
        this.sqlFunction = sqlFunction;
    }

    /** The immutable SQL function of schema 1.3.0 that extracts this type from a jsonb value. */
    public String sqlFunction() {
        return sqlFunction;
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
