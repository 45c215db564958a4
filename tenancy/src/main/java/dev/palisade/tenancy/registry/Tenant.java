package dev.palisade.tenancy.registry;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.palisade.tenancy.TenantId;

/** A row of the tenant registry. Not tenant-scoped: only the admin API writes it. */
@Entity
@Table(name = "tenants")
class Tenant {

    @Id
    private String id;
    private String name;
    @Enumerated(EnumType.STRING)
    private TenantStatus status;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;

    protected Tenant() {
    }

    Tenant(TenantId id, String name, Instant now) {
        this.id = id.value();
        this.name = name;
        this.status = TenantStatus.ACTIVE;
        this.createdAt = now;
        this.updatedAt = now;
    }

    void changeStatus(TenantStatus status, Instant now) {
        if (this.status != status) {
            this.status = status;
            this.updatedAt = now;
        }
    }

    TenantInfo info() {
        return new TenantInfo(TenantId.of(id), name, status, createdAt, updatedAt);
    }
}
