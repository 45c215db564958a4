package dev.palisade.tenancy;

/** A row or transaction of one tenant was about to be used by another; always a bug, never silently allowed. */
public class TenantMismatchException extends TenancyException {

    public TenantMismatchException(String what, TenantId expected, String found) {
        super(what + " belongs to tenant '" + found + "', but the current tenant is '" + expected + "'.");
    }
}
