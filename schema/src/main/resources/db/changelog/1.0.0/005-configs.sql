--liquibase formatted sql

--changeset palisade:1.0.0-005-tenant-configs
--comment: Tenant-level configuration values (any JSON).
CREATE TABLE tenant_configs (
    tenant_id  text        NOT NULL,
    key        text        NOT NULL,
    value      jsonb       NOT NULL,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    version    bigint      NOT NULL,
    CONSTRAINT tenant_configs_pk PRIMARY KEY (tenant_id, key),
    CONSTRAINT tenant_configs_tenant_fk FOREIGN KEY (tenant_id) REFERENCES tenants (id)
);
CREATE TRIGGER tenant_configs_tenant_guard BEFORE UPDATE ON tenant_configs
    FOR EACH ROW EXECUTE FUNCTION palisade_forbid_tenant_change();
ALTER TABLE tenant_configs ENABLE ROW LEVEL SECURITY;
ALTER TABLE tenant_configs FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON tenant_configs
    USING (tenant_id = (SELECT palisade_current_tenant()))
    WITH CHECK (tenant_id = (SELECT palisade_current_tenant()));
--rollback DROP TABLE tenant_configs;

--changeset palisade:1.0.0-005-workspace-configs
--comment: Workspace-level configuration values; they go when their workspace goes.
CREATE TABLE workspace_configs (
    tenant_id    text        NOT NULL,
    workspace_id uuid        NOT NULL,
    key          text        NOT NULL,
    value        jsonb       NOT NULL,
    created_at   timestamptz NOT NULL,
    updated_at   timestamptz NOT NULL,
    version      bigint      NOT NULL,
    CONSTRAINT workspace_configs_pk PRIMARY KEY (tenant_id, workspace_id, key),
    CONSTRAINT workspace_configs_workspace_fk FOREIGN KEY (tenant_id, workspace_id)
        REFERENCES workspaces (tenant_id, id) ON DELETE CASCADE
);
CREATE TRIGGER workspace_configs_tenant_guard BEFORE UPDATE ON workspace_configs
    FOR EACH ROW EXECUTE FUNCTION palisade_forbid_tenant_change();
ALTER TABLE workspace_configs ENABLE ROW LEVEL SECURITY;
ALTER TABLE workspace_configs FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON workspace_configs
    USING (tenant_id = (SELECT palisade_current_tenant()))
    WITH CHECK (tenant_id = (SELECT palisade_current_tenant()));
--rollback DROP TABLE workspace_configs;
