package dev.palisade.tenancy.settings;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;

import org.hibernate.annotations.ColumnTransformer;

import dev.palisade.tenancy.panache.TenantPanacheEntity;

/** What tenant-level and workspace-level config rows share: a JSON value, timestamps and a version. */
@MappedSuperclass
abstract class SettingRow extends TenantPanacheEntity {

    // jsonb in the database; the service hands it around as JSON text it has already validated.
    @Column(name = "value")
    @ColumnTransformer(write = "?::jsonb")
    private String value;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Version
    private long version;

    protected SettingRow() {
    }

    protected SettingRow(String json, Instant now) {
        this.value = json;
        this.createdAt = now;
        this.updatedAt = now;
    }

    abstract String key();

    long version() {
        return version;
    }

    void replace(String json, Instant now) {
        this.value = json;
        this.updatedAt = now;
    }

    SettingEntry entry() {
        return new SettingEntry(key(), value, createdAt, updatedAt, version);
    }
}
