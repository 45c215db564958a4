-- Rows for every table of release 1.0.0, written before rollbacks to prove that surviving tables keep them.
INSERT INTO tenants (id, name) VALUES ('seed-a', 'Seed A'), ('seed-b', 'Seed B');
INSERT INTO api_keys (tenant_id, id, secret_hash)
VALUES ('seed-a', '00000000-0000-0000-0000-00000000000a', sha256('seed-a-secret')),
       ('seed-b', '00000000-0000-0000-0000-00000000000b', sha256('seed-b-secret'));
INSERT INTO workspaces (tenant_id, id, name, slug, created_at, updated_at, version)
VALUES ('seed-a', '00000000-0000-0000-0000-0000000000a1', 'Alpha', 'alpha', now(), now(), 0),
       ('seed-b', '00000000-0000-0000-0000-0000000000b1', 'Alpha', 'alpha', now(), now(), 0);
INSERT INTO tenant_configs (tenant_id, key, value, created_at, updated_at, version)
VALUES ('seed-a', 'theme', '{"dark": true}', now(), now(), 0);
INSERT INTO workspace_configs (tenant_id, workspace_id, key, value, created_at, updated_at, version)
VALUES ('seed-a', '00000000-0000-0000-0000-0000000000a1', 'limits', '[1, 2, 3]', now(), now(), 0);
