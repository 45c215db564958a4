package dev.palisade.tenancy.filter;

import java.util.function.Supplier;

import dev.palisade.tenancy.TenantId;
import dev.palisade.tenancy.context.CurrentTenant;

/**
 * Supplies the tenant filter's parameter when a session uses it. With no tenant set it supplies a value no tenant id
 * can take, so the filter matches no row: fail closed, never "all tenants".
 */
public class CurrentTenantParameter implements Supplier<String> {

    /** Never a valid {@link TenantId}: shorter than two characters. */
    static final String NO_TENANT = "";

    @Override
    public String get() {
        return CurrentTenant.get().map(TenantId::value).orElse(NO_TENANT);
    }
}
