package dev.palisade.tenancy.apikey;

/** The outcome of checking a tenant's credentials. */
public enum AuthVerdict {
    /** The key is the tenant's, not revoked, and the tenant is active. */
    ACCEPTED,
    /** Wrong, unknown, revoked or another tenant's key, or no such tenant: indistinguishable on purpose. */
    REJECTED,
    /** The key is valid but the tenant is suspended. */
    SUSPENDED
}
