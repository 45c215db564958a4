--liquibase formatted sql

--changeset palisade:1.3.0-001-documents
--comment: Documents of declared collections, per tenant; the collections themselves are declared as code, not rows.
CREATE TABLE documents (
    tenant_id  text        NOT NULL,
    collection text        NOT NULL,
    id         text        NOT NULL,
    data       jsonb       NOT NULL,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    version    bigint      NOT NULL,
    -- Serves loads by id, the keyset list (ordered by id) and the per-collection counts.
    CONSTRAINT documents_pk PRIMARY KEY (tenant_id, collection, id),
    CONSTRAINT documents_tenant_fk FOREIGN KEY (tenant_id) REFERENCES tenants (id),
    CONSTRAINT documents_data_object CHECK (jsonb_typeof(data) = 'object')
);
CREATE TRIGGER documents_tenant_guard BEFORE UPDATE ON documents
    FOR EACH ROW EXECUTE FUNCTION palisade_forbid_tenant_change();
ALTER TABLE documents ENABLE ROW LEVEL SECURITY;
ALTER TABLE documents FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON documents
    USING (tenant_id = (SELECT palisade_current_tenant()))
    WITH CHECK (tenant_id = (SELECT palisade_current_tenant()));
--rollback DROP TABLE documents;
