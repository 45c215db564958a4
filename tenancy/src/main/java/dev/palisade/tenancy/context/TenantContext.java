package dev.palisade.tenancy.context;

import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;

import dev.palisade.tenancy.TenantId;
import io.quarkus.arc.Unremovable;

/**
 * The tenant of the current request: set once by the authentication filter, or by {@link TenantScope} for work that
 * runs outside HTTP. Read it through {@link CurrentTenant}, which also works where no request context is active.
 */
@RequestScoped
@Unremovable // looked up programmatically (CurrentTenant, TenantScope): an embedding app may never inject it
public class TenantContext {

    private TenantId tenant;

    public Optional<TenantId> tenant() {
        return Optional.ofNullable(tenant);
    }

    /** Sets the tenant; {@code null} clears it. */
    public void set(TenantId tenant) {
        this.tenant = tenant;
    }
}
