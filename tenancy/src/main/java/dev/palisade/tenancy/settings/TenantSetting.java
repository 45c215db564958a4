package dev.palisade.tenancy.settings;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import org.hibernate.annotations.Filter;

import dev.palisade.tenancy.TenantId;
import dev.palisade.tenancy.filter.TenantFilter;

@Entity
@Table(name = "tenant_configs")
@IdClass(TenantSetting.Pk.class)
@Filter(name = TenantFilter.NAME)
class TenantSetting extends SettingRow {

    /** Primary key: {@code (tenant_id, key)}. */
    record Pk(String tenantId, String key) {
    }

    @Id
    @Column(name = "tenant_id")
    private String tenantId;
    @Id
    private String key;

    protected TenantSetting() {
    }

    TenantSetting(TenantId tenant, String key, String json, Instant now) {
        super(json, now);
        this.tenantId = tenant.value();
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
