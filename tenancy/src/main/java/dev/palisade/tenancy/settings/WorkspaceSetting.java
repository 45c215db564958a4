package dev.palisade.tenancy.settings;

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

@Entity
@Table(name = "workspace_configs")
@IdClass(WorkspaceSetting.Pk.class)
@Filter(name = TenantFilter.NAME)
class WorkspaceSetting extends SettingRow {

    /** Primary key: {@code (tenant_id, workspace_id, key)}. */
    record Pk(String tenantId, UUID workspaceId, String key) {
    }

    @Id
    @Column(name = "tenant_id")
    private String tenantId;
    @Id
    @Column(name = "workspace_id")
    private UUID workspaceId;
    @Id
    private String key;

    protected WorkspaceSetting() {
    }

    WorkspaceSetting(TenantId tenant, UUID workspaceId, String key, String json, Instant now) {
        super(json, now);
        this.tenantId = tenant.value();
        this.workspaceId = workspaceId;
        this.key = key;
    }

    @Override
    public TenantId tenant() {
        return TenantId.of(tenantId);
    }

    @Override
    String key() {
        return key;
    }
}
