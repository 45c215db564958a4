package dev.palisade.tenancy.context;

import java.util.Objects;
import java.util.concurrent.Callable;

import jakarta.enterprise.context.ApplicationScoped;

import dev.palisade.tenancy.TenantId;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;

/**
 * Runs code as a given tenant, for work outside an HTTP request (schedulers, subscriptions, admin operations on a
 * tenant's rows). Activates a request context when none is active, and restores the previous tenant afterwards.
 *
 * <pre>{@code
 * long open = tenantScope.call(TenantId.of("acme"), () -> invoices.countOpen());
 * }</pre>
 */
@ApplicationScoped
public class TenantScope {

    /** Calls {@code work} with {@code tenant} as the current tenant. */
    public <T> T call(TenantId tenant, Callable<T> work) {
        Objects.requireNonNull(tenant, "tenant");
        ManagedContext requestContext = Arc.container().requestContext();
        boolean activated = !requestContext.isActive();
        if (activated) {
            requestContext.activate();
        }
        TenantContext context = Arc.container().instance(TenantContext.class).get();
        TenantId previous = context.tenant().orElse(null);
        context.set(tenant);
        try {
            return work.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("work for tenant " + tenant + " failed", e);
        } finally {
            context.set(previous);
            if (activated) {
                requestContext.terminate();
            }
        }
    }

    /** Runs {@code work} with {@code tenant} as the current tenant. */
    public void run(TenantId tenant, Runnable work) {
        call(tenant, () -> {
            work.run();
            return null;
        });
    }
}
