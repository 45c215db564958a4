-- The tenant-scoped workspace list as the service issues it (GET /workspaces): a transaction as the service role
-- (NOBYPASSRLS, so the row-level security policy applies) that binds the tenant and runs Hibernate's list query with
-- the tenant filter's predicate.
\set t random(0, :tenants - 1)
BEGIN;
SELECT set_config('app.tenant_id', 't' || lpad(:t::text, 3, '0'), true);
SELECT w1_0.id, w1_0.tenant_id, w1_0.created_at, w1_0.name, w1_0.slug, w1_0.updated_at, w1_0.version
  FROM workspaces w1_0
 WHERE w1_0.tenant_id = 't' || lpad(:t::text, 3, '0')
 ORDER BY w1_0.slug;
COMMIT;
