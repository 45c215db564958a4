package dev.palisade.tenancy;

/**
 * The thing asked for does not exist for the current tenant. Another tenant's row is "not found" too: a tenant can
 * never learn that another tenant's id exists.
 */
public class NotFoundException extends TenancyException {

    public NotFoundException(String what, Object id) {
        super("No " + what + " '" + id + "' exists.");
    }
}
