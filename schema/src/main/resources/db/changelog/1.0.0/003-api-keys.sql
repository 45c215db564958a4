--liquibase formatted sql

--changeset palisade:1.0.0-003-api-keys
--comment: Tenant API keys. Only a SHA-256 hash of the secret is stored; a revoked key keeps its row for audit.
CREATE TABLE api_keys (
    tenant_id   text        NOT NULL,
    id          uuid        NOT NULL,
    secret_hash bytea       NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    revoked_at  timestamptz,
    CONSTRAINT api_keys_pk PRIMARY KEY (tenant_id, id),
    CONSTRAINT api_keys_tenant_fk FOREIGN KEY (tenant_id) REFERENCES tenants (id),
    CONSTRAINT api_keys_hash_length CHECK (octet_length(secret_hash) = 32)
);
CREATE TRIGGER api_keys_tenant_guard BEFORE UPDATE ON api_keys
    FOR EACH ROW EXECUTE FUNCTION palisade_forbid_tenant_change();
ALTER TABLE api_keys ENABLE ROW LEVEL SECURITY;
ALTER TABLE api_keys FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON api_keys
    USING (tenant_id = (SELECT palisade_current_tenant()))
    WITH CHECK (tenant_id = (SELECT palisade_current_tenant()));
--rollback DROP TABLE api_keys;
