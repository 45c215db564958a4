-- The same list without the walls: the same rows (one tenant's workspaces), columns and order from a single-tenant
-- table, with no tenant binding, no tenant predicate and no row-level security, in a transaction like the service's.
BEGIN;
SELECT w1_0.id, w1_0.created_at, w1_0.name, w1_0.slug, w1_0.updated_at, w1_0.version
  FROM bench.workspaces_one w1_0
 ORDER BY w1_0.slug;
COMMIT;
