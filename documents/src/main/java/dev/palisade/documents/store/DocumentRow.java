package dev.palisade.documents.store;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.ColumnTransformer;

import dev.palisade.tenancy.panache.TenantPanacheEntity;

/**
 * A stored document, on the tenant-scoped Panache base: the tenant filter, the tenant stamped on insert and named in
 * every update and delete, and row-level security bound by the platform. The table's key is
 * {@code (tenant_id, collection, id)}.
 */
@Entity
@Table(name = "documents")
@IdClass(DocumentRow.Key.class)
class DocumentRow extends TenantPanacheEntity {

    /** The id within the tenant: {@code (collection, id)}. */
    record Key(String collection, String id) {
    }

    @Id
    private String collection;
    @Id
    private String id;
    // jsonb in the database; the service hands it around as JSON text it has already validated.
    @Column(name = "data")
    @ColumnTransformer(write = "?::jsonb")
    private String data;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Version
    private long version;

    protected DocumentRow() {
    }

    String id() {
        return id;
    }

    String data() {
        return data;
    }

    long version() {
        return version;
    }

    Document view(DocumentJson json) {
        return new Document(id, json.read(data), version, createdAt, updatedAt);
    }
}
