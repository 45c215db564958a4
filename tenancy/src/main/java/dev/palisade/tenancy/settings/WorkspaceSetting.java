package dev.palisade.tenancy.settings;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** A workspace-level config; the table's key is {@code (tenant_id, workspace_id, key)}. */
@Entity
@Table(name = "workspace_configs")
@IdClass(WorkspaceSetting.Key.class)
class WorkspaceSetting extends SettingRow {

    /** The id within the tenant: {@code (workspace_id, key)}. */
    record Key(UUID workspaceId, String key) {
    }

    @Id
    @Column(name = "workspace_id")
    private UUID workspaceId;
    @Id
    private String key;

    protected WorkspaceSetting() {
    }

    WorkspaceSetting(UUID workspaceId, String key, String json, Instant now) {
        super(json, now);
        this.workspaceId = workspaceId;
        this.key = key;
    }

    @Override
    String key() {
        return key;
    }
}
