-- By hand, what POST /collections/bench_orders/documents/query {"groupBy":["data.status"],"_count":true} asks: the
-- tenant's orders counted by status, in status order, at most the default limit of groups (one more, to know
-- `truncated`); the tenant bound in a transaction as the service role.
\set t random(0, :tenants - 1)
BEGIN;
SELECT set_config('app.tenant_id', 't' || lpad(:t::text, 3, '0'), true);
SELECT data ->> 'status' AS status, count(*)
  FROM documents
 WHERE tenant_id = 't' || lpad(:t::text, 3, '0') AND collection = 'bench_orders'
 GROUP BY 1
 ORDER BY 1
 LIMIT 51;
COMMIT;
