package dev.palisade.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One key of a compiled ordering: the SQL it sorts by, its type ({@code null}: a JSON value, compared as jsonb) and
 * whether it can be NULL. A path into JSON can: the key is missing, holds JSON null, or (for a typed path) a value of
 * another type. NULL sorts after every value ascending and before them descending (PostgreSQL's default, which a plain
 * index serves in both directions); {@link Keyset} compares by the same rule.
 */
record Key(String sql, FieldType type, boolean nullable, String lead) {

    private static final ObjectMapper JSON = new ObjectMapper();

    Key(String sql, FieldType type, boolean nullable) {
        this(sql, type, nullable, null);
    }

    /**
     * The key of an ordering on {@code t}: a typed field or typed path by its expression (an index on it serves the
     * ordering); an untyped JSON path by its jsonb value, PostgreSQL's jsonb order (strings before numbers before
     * booleans before arrays before objects; numbers by value, strings by collation), JSON null with missing keys.
     */
    static Key of(Target t) {
        if (t.isTyped()) {
            return new Key(t.field().sql(), t.field().type(), t.field().nullable(), t.field().float8Key());
        }
        return new Key("nullif(" + t.jsonb() + ", CAST('null' AS jsonb))", null, true, null);
    }

    /**
     * What the ordering sorts by, in this key's direction: its SQL, after the float8 key of a number an index holds by
     * it ({@link Float8Key}; the key is monotone and NULL where the number is, so the order is the number's, and the
     * index serves it). The keyset compares {@link #sql()} alone.
     */
    java.util.List<String> sorts() {
        return lead == null ? java.util.List.of(sql) : java.util.List.of(lead, sql);
    }

    /** The hidden output column that carries the key's value into the next cursor. */
    String output() {
        return type == null ? "CAST(" + sql + " AS text)" : sql;
    }

    /** The output column's value, as the cursor keeps it. */
    Object read(Object column) {
        return type == null || column == null ? column : type.read(column);
    }

    /** The placeholder a value of this key is bound to. */
    String placeholder() {
        return type == null ? "CAST(? AS jsonb)" : "?";
    }

    /**
     * A cursor's text for this key as the value to bind ({@code null} for a NULL key).
     *
     * @throws QueryException the text is no value of this key (a forged cursor)
     */
    Object value(String text) {
        if (text == null) {
            if (nullable) {
                return null;
            }
            throw QueryException.invalid("cursor", "must be the 'next' of an earlier page, unchanged.");
        }
        if (type != null) {
            return type.coerce("cursor", text);
        }
        try {
            JsonNode node = JSON.readTree(text);
            String normal = node == null ? null : JSON.writeValueAsString(node);
            // jsonb holds no U+0000; Jackson writes it escaped.
            if (normal != null && !normal.contains("\\u0000")) {
                return normal;
            }
        } catch (JsonProcessingException e) {
            // Refused below.
        }
        throw QueryException.invalid("cursor", "must be the 'next' of an earlier page, unchanged.");
    }
}
