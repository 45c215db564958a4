package dev.palisade.tenancy.workspace;

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
import dev.palisade.tenancy.filter.TenantFilter;
import dev.palisade.tenancy.filter.TenantScopedEntity;

@Entity
@Table(name = "workspaces")
@IdClass(Workspace.Pk.class)
@Filter(name = TenantFilter.NAME)
class Workspace extends TenantScopedEntity {

    /** Primary key: {@code (tenant_id, id)}. */
    record Pk(String tenantId, UUID id) {
    }

    @Id
    @Column(name = "tenant_id")
    private String tenantId;
    @Id
    private UUID id;
    private String name;
    private String slug;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Version
    private long version;

    protected Workspace() {
    }

    Workspace(TenantId tenant, NewWorkspace request, Instant now) {
        this.tenantId = tenant.value();
        this.id = UUID.randomUUID();
        this.name = request.name();
        this.slug = request.slug();
        this.createdAt = now;
        this.updatedAt = now;
    }

    @Override
    public TenantId tenant() {
        return TenantId.of(tenantId);
    }

    long version() {
        return version;
    }

    void apply(WorkspacePatch patch, Instant now) {
        boolean changed = false;
        if (patch.name() != null && !patch.name().equals(name)) {
            name = patch.name();
            changed = true;
        }
        if (patch.slug() != null && !patch.slug().equals(slug)) {
            slug = patch.slug();
            changed = true;
        }
        if (changed) {
            updatedAt = now;
        }
    }

    WorkspaceInfo info() {
        return new WorkspaceInfo(id, name, slug, createdAt, updatedAt, version);
    }
}
