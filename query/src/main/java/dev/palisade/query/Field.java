package dev.palisade.query;

import java.util.Objects;

/**
 * A typed field of a collection: its public name ({@code createdAt}), type, SQL expression ({@code w.created_at}),
 * whether an index (after {@code tenant_id}) serves filters and orderings on it, and whether the expression can be
 * NULL (a typed path into JSON, {@link Catalog#withPath}; the typed columns of every catalog are NOT NULL).
 */
public record Field(String name, FieldType type, String sql, boolean indexed, boolean nullable) {

    public Field {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(sql, "sql");
    }

    public static Field of(String name, FieldType type, String sql) {
        return new Field(name, type, sql, false, false);
    }

    public static Field indexed(String name, FieldType type, String sql) {
        return new Field(name, type, sql, true, false);
    }
}
