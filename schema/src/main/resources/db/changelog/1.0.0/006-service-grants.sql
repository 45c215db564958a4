--liquibase formatted sql

--changeset palisade:1.0.0-006-service-grants
--comment: The service role (changelog parameter app_role) gets exactly what the service needs, nothing more.
GRANT SELECT, INSERT, UPDATE ON tenants TO ${app_role};
GRANT SELECT, INSERT, UPDATE ON api_keys TO ${app_role};
GRANT SELECT, INSERT, UPDATE, DELETE ON workspaces TO ${app_role};
GRANT SELECT, INSERT, UPDATE, DELETE ON tenant_configs TO ${app_role};
GRANT SELECT, INSERT, UPDATE, DELETE ON workspace_configs TO ${app_role};
GRANT EXECUTE ON FUNCTION palisade_current_tenant() TO ${app_role};
-- Readiness compares the applied changesets with the ones the service was built with.
GRANT SELECT ON databasechangelog TO ${app_role};
--rollback REVOKE SELECT ON databasechangelog FROM ${app_role};
--rollback REVOKE EXECUTE ON FUNCTION palisade_current_tenant() FROM ${app_role};
--rollback REVOKE ALL ON workspace_configs, tenant_configs, workspaces, api_keys, tenants FROM ${app_role};
