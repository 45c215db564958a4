package dev.palisade.tenancy.apikey;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import org.hibernate.annotations.Filter;

import dev.palisade.tenancy.TenantId;
import dev.palisade.tenancy.filter.TenantFilter;
import dev.palisade.tenancy.filter.TenantScopedEntity;

/** An API key of a tenant: its id and the hash of its secret. Revoked keys keep their row. */
@Entity
@Table(name = "api_keys")
@IdClass(ApiKey.Pk.class)
@Filter(name = TenantFilter.NAME)
class ApiKey extends TenantScopedEntity {

    /** Primary key: {@code (tenant_id, id)}. */
    record Pk(String tenantId, UUID id) {
    }

    @Id
    @Column(name = "tenant_id")
    private String tenantId;
    @Id
    private UUID id;
    @Column(name = "secret_hash")
    private byte[] secretHash;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected ApiKey() {
    }

    ApiKey(TenantId tenant, UUID id, byte[] secretHash, Instant now) {
        this.tenantId = tenant.value();
        this.id = id;
        this.secretHash = secretHash.clone();
        this.createdAt = now;
    }

    @Override
    public TenantId tenant() {
        return TenantId.of(tenantId);
    }

    void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
        }
    }

    ApiKeyInfo info() {
        return new ApiKeyInfo(id, createdAt, revokedAt);
    }
}
