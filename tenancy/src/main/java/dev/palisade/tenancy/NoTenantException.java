package dev.palisade.tenancy;

/** Tenant data was touched with no tenant set. Palisade fails closed: no tenant means no tenant data. */
public class NoTenantException extends TenancyException {

    public NoTenantException() {
        super("No tenant is set: tenant data is only reachable inside TenantScope or an authenticated tenant request.");
    }
}
