-- By hand, what GET /collections/bench_orders/documents?include=customer&limit=100 asks: the tenant's first 100
-- orders (one more, to know `next`), each joined to the bench_customers document its customerId names, in one
-- statement; the tenant bound in a transaction as the service role.
\set t random(0, :tenants - 1)
BEGIN;
SELECT set_config('app.tenant_id', 't' || lpad(:t::text, 3, '0'), true);
SELECT o.id, o.data, o.version, o.created_at, o.updated_at,
       c.id, c.data, c.version, c.created_at, c.updated_at
  FROM (SELECT id, data, version, created_at, updated_at
          FROM documents
         WHERE tenant_id = 't' || lpad(:t::text, 3, '0') AND collection = 'bench_orders'
         ORDER BY id
         LIMIT 101) o
  LEFT JOIN documents c
    ON c.tenant_id = 't' || lpad(:t::text, 3, '0') AND c.collection = 'bench_customers'
   AND c.id = o.data ->> 'customerId'
 ORDER BY o.id;
COMMIT;
