package dev.palisade.tenancy.filter;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.Filter;

import dev.palisade.tenancy.TenantId;

/** A test-only tenant-scoped entity over the {@code workspaces} table, written the way the module asks entities to be. */
@Entity
@Table(name = "workspaces")
@IdClass(FilterProbe.Pk.class)
@Filter(name = TenantFilter.NAME)
public class FilterProbe extends TenantScopedEntity {

    /** Primary key: {@code (tenant_id, id)}. */
    public record Pk(String tenantId, UUID id) {
    }

    @Id
    @Column(name = "tenant_id")
    String tenantId;
    @Id
    UUID id;
    String name;
    String slug;
    @Column(name = "created_at")
    Instant createdAt;
    @Column(name = "updated_at")
    Instant updatedAt;
    @Version
    long version;

    protected FilterProbe() {
    }

    FilterProbe(TenantId tenant, String slug) {
        this.tenantId = tenant.value();
        this.id = UUID.randomUUID();
        this.name = slug;
        this.slug = slug;
        this.createdAt = Instant.now();
        this.updatedAt = createdAt;
    }

    @Override
    public TenantId tenant() {
        return TenantId.of(tenantId);
    }
}
