package dev.palisade.tenancy.context;

import java.util.Optional;

import dev.palisade.tenancy.NoTenantException;
import dev.palisade.tenancy.TenantId;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;

/**
 * The tenant in force on this thread, if any: the request's {@link TenantContext} when a request context is active,
 * otherwise none. Static so that Hibernate's filter parameter resolver can use it too.
 */
public final class CurrentTenant {

    private CurrentTenant() {
    }

    /** The current tenant, or empty (never "all tenants"). */
    public static Optional<TenantId> get() {
        ArcContainer container = Arc.container();
        if (container == null || !container.requestContext().isActive()) {
            return Optional.empty();
        }
        return container.instance(TenantContext.class).get().tenant();
    }

    /** The current tenant; throws {@link NoTenantException} when there is none. */
    public static TenantId require() {
        return get().orElseThrow(NoTenantException::new);
    }
}
