package dev.palisade.tenancy.workspace;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import dev.palisade.tenancy.panache.TenantPanacheEntity;

/** A workspace of the current tenant; the table's key is {@code (tenant_id, id)}. */
@Entity
@Table(name = "workspaces")
class Workspace extends TenantPanacheEntity {

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

    Workspace(NewWorkspace request, Instant now) {
        this.id = UUID.randomUUID();
        this.name = request.name();
        this.slug = request.slug();
        this.createdAt = now;
        this.updatedAt = now;
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
