package dev.palisade.tenancy.settings;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A tenant-level config; the table's key is {@code (tenant_id, key)}. */
@Entity
@Table(name = "tenant_configs")
class TenantSetting extends SettingRow {

    @Id
    private String key;

    protected TenantSetting() {
    }

    TenantSetting(String key, String json, Instant now) {
        super(json, now);
        this.key = key;
    }

    @Override
    String key() {
        return key;
    }
}
