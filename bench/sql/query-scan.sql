-- By hand, what GET /collections/bench_orders/documents?data.region=rNN&limit=50 asks: `region` has no index, so the
-- tenant's orders are read along the primary key (tenant_id, collection, id) and filtered; the tenant bound in a
-- transaction as the service role, one row more than the page.
\set t random(0, :tenants - 1)
\set r random(1, 50)
BEGIN;
SELECT set_config('app.tenant_id', 't' || lpad(:t::text, 3, '0'), true);
SELECT id, data, version, created_at, updated_at
  FROM documents
 WHERE tenant_id = 't' || lpad(:t::text, 3, '0') AND collection = 'bench_orders'
   AND data ->> 'region' = 'r' || lpad(:r::text, 2, '0')
 ORDER BY id
 LIMIT 51;
COMMIT;
