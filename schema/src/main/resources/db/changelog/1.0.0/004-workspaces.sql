--liquibase formatted sql

--changeset palisade:1.0.0-004-workspaces
--comment: Tenant workspaces; the slug is unique within a tenant only.
CREATE TABLE workspaces (
    tenant_id  text        NOT NULL,
    id         uuid        NOT NULL,
    name       text        NOT NULL,
    slug       text        NOT NULL,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    version    bigint      NOT NULL,
    CONSTRAINT workspaces_pk PRIMARY KEY (tenant_id, id),
    CONSTRAINT workspaces_slug_uk UNIQUE (tenant_id, slug),
    CONSTRAINT workspaces_tenant_fk FOREIGN KEY (tenant_id) REFERENCES tenants (id)
);
CREATE TRIGGER workspaces_tenant_guard BEFORE UPDATE ON workspaces
    FOR EACH ROW EXECUTE FUNCTION palisade_forbid_tenant_change();
ALTER TABLE workspaces ENABLE ROW LEVEL SECURITY;
ALTER TABLE workspaces FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON workspaces
    USING (tenant_id = (SELECT palisade_current_tenant()))
    WITH CHECK (tenant_id = (SELECT palisade_current_tenant()));
--rollback DROP TABLE workspaces;
