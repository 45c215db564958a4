package dev.palisade.tenancy.context;

import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import dev.palisade.tenancy.TenantId;
import dev.palisade.tenancy.session.TransactionTenant;
import io.quarkus.arc.Unremovable;

/**
 * The tenant of the current request: set once by the authentication filter, or by {@link TenantScope} for work that
 * runs outside HTTP. Read it through {@link CurrentTenant}, which also works where no request context is active.
 * <p>
 * Setting it inside an active transaction binds that transaction for row-level security at once; setting another
 * tenant than the one the transaction belongs to is a {@link dev.palisade.tenancy.TenantMismatchException} and
 * changes nothing.
 */
@RequestScoped
@Unremovable // looked up programmatically (CurrentTenant, TenantScope): an embedding app may never inject it
public class TenantContext {

    @Inject
    TransactionTenant transactionTenant;

    private TenantId tenant;

    public Optional<TenantId> tenant() {
        return Optional.ofNullable(tenant);
    }

    /** Sets the tenant; {@code null} clears it. */
    public void set(TenantId tenant) {
        transactionTenant.requireOwnable(tenant);
        TenantId previous = this.tenant;
        this.tenant = tenant;
        try {
            transactionTenant.follow(tenant);
        } catch (RuntimeException e) {
            this.tenant = previous;
            throw e;
        }
    }
}
