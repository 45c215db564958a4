package dev.palisade.documents.store;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.annotations.Filter;

import dev.palisade.tenancy.TenantId;
import dev.palisade.tenancy.filter.TenantFilter;
import dev.palisade.tenancy.filter.TenantScopedEntity;

/** A stored document: both walls apply (the tenant filter here, row-level security in PostgreSQL). */
@Entity
@Table(name = "documents")
@IdClass(DocumentRow.Pk.class)
@Filter(name = TenantFilter.NAME)
class DocumentRow extends TenantScopedEntity {

    /** Primary key: {@code (tenant_id, collection, id)}. */
    record Pk(String tenantId, String collection, String id) {
    }

    @Id
    @Column(name = "tenant_id")
    private String tenantId;
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

    DocumentRow(TenantId tenant, String collection, String id, String data, Instant now) {
        this.tenantId = tenant.value();
        this.collection = collection;
        this.id = id;
        this.data = data;
        this.createdAt = now;
        this.updatedAt = now;
    }

    @Override
    public TenantId tenant() {
        return TenantId.of(tenantId);
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

    void replace(String json, Instant now) {
        if (!json.equals(data)) {
            this.data = json;
            this.updatedAt = now;
        }
    }

    Document view(DocumentJson json) {
        return new Document(id, json.read(data), version, createdAt, updatedAt);
    }
}
