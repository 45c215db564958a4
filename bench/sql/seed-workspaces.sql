-- The walls data set (run by the superuser): :per_tenant workspaces for each tenant t000 ..., and the same rows of
-- tenant t000 alone in bench.workspaces_one, a table as a single-tenant application would have it: no tenant_id, no
-- row-level security, keyed on id with slug unique.
INSERT INTO workspaces (tenant_id, id, name, slug, created_at, updated_at, version)
SELECT t.id, gen_random_uuid(), 'Workspace ' || g, 'ws-' || lpad(g::text, 3, '0'), now(), now(), 0
  FROM tenants t CROSS JOIN generate_series(1, :per_tenant) g
 WHERE t.id ~ '^t[0-9]{3}$';
CREATE TABLE bench.workspaces_one AS
SELECT id, name, slug, created_at, updated_at, version FROM workspaces WHERE tenant_id = 't000';
ALTER TABLE bench.workspaces_one ADD PRIMARY KEY (id), ADD UNIQUE (slug);
ANALYZE workspaces;
ANALYZE bench.workspaces_one;
