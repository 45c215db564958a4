package dev.palisade.tenancy.registry;

import java.time.Instant;

import dev.palisade.tenancy.TenantId;

/** What the registry knows about a tenant. */
public record TenantInfo(TenantId id, String name, TenantStatus status, Instant createdAt, Instant updatedAt) {
}
