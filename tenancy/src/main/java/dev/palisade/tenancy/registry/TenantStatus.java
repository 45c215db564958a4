package dev.palisade.tenancy.registry;

/** Whether a tenant may use the platform. A suspended tenant keeps its data but every request answers 403. */
public enum TenantStatus {
    ACTIVE, SUSPENDED
}
