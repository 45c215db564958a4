package dev.palisade.query;

import java.util.List;

/**
 * The condition the caller ANDs outside every user filter: the tenant's, for a tenant collection
 * ({@code Scope.of("w.tenant_id = ?", tenant)}). A user's {@code OR} or {@code NOT} stays inside its own parentheses,
 * so it can never widen this.
 */
public record Scope(String sql, List<Object> parameters) {

    public Scope {
        parameters = List.copyOf(parameters);
    }

    public static Scope of(String sql, Object... parameters) {
        return new Scope(sql, List.of(parameters));
    }

    /** No condition: for collections that belong to no tenant (the admin tenant list). */
    public static Scope unscoped() {
        return new Scope("TRUE", List.of());
    }
}
