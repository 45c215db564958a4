package dev.palisade.tenancy.change;

import java.util.Objects;

import dev.palisade.tenancy.TenantId;

/**
 * A CDI event fired on every replica when a tenant's status or keys changed (suspension, reactivation, a revoked
 * key), after the change committed and after this replica's caches of authentication results forgot the tenant: a
 * credential checked by an observer is checked against the database as it now is. {@link #everyTenant()} means
 * changes may have been missed (the listener reconnected), so every tenant's credentials deserve a new check.
 * <p>
 * Observers run on the thread that learned of the change (a committing request, the notification listener): hand
 * slow work, such as checking credentials, to another thread.
 *
 * <pre>{@code
 * void onChange(@Observes TenancyChanged change) { if (change.concerns(tenant)) recheckLater(); }
 * }</pre>
 */
public record TenancyChanged(TenantId tenant, boolean everyTenant) {

    public TenancyChanged {
        if (everyTenant == (tenant != null)) {
            throw new IllegalArgumentException("a change names one tenant, or every tenant without naming one");
        }
    }

    /** One tenant changed. */
    public static TenancyChanged of(TenantId tenant) {
        return new TenancyChanged(Objects.requireNonNull(tenant, "tenant"), false);
    }

    /** Changes of any tenant may have been missed. */
    public static TenancyChanged ofEveryTenant() {
        return new TenancyChanged(null, true);
    }

    /** Whether this change may concern {@code tenant}. */
    public boolean concerns(TenantId tenant) {
        return everyTenant || this.tenant.equals(tenant);
    }
}
