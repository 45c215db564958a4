package dev.palisade.tenancy.panache;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A test-only Panache entity over the {@code workspaces} table, written exactly as the module's README tells an
 * embedder to write one: the table, an id, the fields, nothing about tenants.
 */
@Entity
@Table(name = "workspaces")
public class Parcel extends TenantPanacheEntity {

    @Id
    public UUID id = UUID.randomUUID();
    public String name;
    public String slug;
    @Column(name = "created_at")
    public Instant createdAt = Instant.now();
    @Column(name = "updated_at")
    public Instant updatedAt = createdAt;
    @Version
    public long version;

    public static Parcel named(String slug) {
        Parcel parcel = new Parcel();
        parcel.name = slug;
        parcel.slug = slug;
        return parcel;
    }
}
