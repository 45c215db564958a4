package dev.palisade.query;

import java.util.Objects;

/**
 * A typed field of a collection: its public name ({@code createdAt}), type, SQL expression ({@code w.created_at}),
 * whether an index (after {@code tenant_id}) serves filters and orderings on it, whether the expression can be NULL (a
 * typed path into JSON, {@link Catalog#withPath}; the typed columns of every catalog are NOT NULL), and, for a number
 * an index holds by its float8 key ({@link Float8Key}), that key's expression ({@code null} otherwise).
 */
public record Field(String name, FieldType type, String sql, boolean indexed, boolean nullable, String float8Key) {

    public Field {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(sql, "sql");
        if (float8Key != null && type != FieldType.NUMBER) {
            throw new IllegalArgumentException(name + ": only a number has a float8 key");
        }
    }

    public Field(String name, FieldType type, String sql, boolean indexed, boolean nullable) {
        this(name, type, sql, indexed, nullable, null);
    }

    public static Field of(String name, FieldType type, String sql) {
        return new Field(name, type, sql, false, false);
    }

    public static Field indexed(String name, FieldType type, String sql) {
        return new Field(name, type, sql, true, false);
    }

    /** The expression an index holds this field by: its float8 key, if it has one, else its own. */
    String indexSql() {
        return float8Key != null ? float8Key : sql;
    }
}
