-- By hand, what GET /collections/bench_orders/documents?data.status=sNN&limit=50 asks: a transaction as the service
-- role (row-level security applies) that binds the tenant and reads the page along the declared index `status`
-- (doc_bench_orders__status, on the LEAKPROOF palisade_doc_text(data, '{status}'): an index condition under the policy),
-- one row more than the page to know `next`. The predicate and ordering the service emits (DocumentQueries).
\set t random(0, :tenants - 1)
\set s random(1, 25)
BEGIN;
SELECT set_config('app.tenant_id', 't' || lpad(:t::text, 3, '0'), true);
SELECT id, data, version, created_at, updated_at
  FROM documents
 WHERE tenant_id = 't' || lpad(:t::text, 3, '0') AND collection = 'bench_orders'
   AND palisade_doc_text(data, '{status}') = 's' || lpad(:s::text, 2, '0')
 ORDER BY id
 LIMIT 51;
COMMIT;
