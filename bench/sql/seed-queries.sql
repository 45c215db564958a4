-- The query scenarios' data, for every tenant t000 ... the harness created (not `hot`): :customers documents
-- c001 ... of bench_customers, and :per_tenant documents o0001 ... of bench_orders (1,000 per tenant, 100,000 over
-- 100 tenants in the full run). Every value is a function of the document's number, so both sides of every scenario
-- read the same rows:
--   status      s01 ... s25, each on 1/25 of a tenant's orders (declared index `status`: the equality)
--   total       distinct numbers in [0, 10000) with one decimal, spread evenly (declared index `total`: the range)
--   region      r01 ... r50, each on 1/50 of the orders (no index: the per-tenant scan)
--   customerId  one of the tenant's :customers customers (declared reference: the include)
INSERT INTO documents (tenant_id, collection, id, data, created_at, updated_at, version)
SELECT t.id, 'bench_customers', 'c' || lpad(g::text, 3, '0'),
       jsonb_build_object('name', 'Customer ' || g, 'tier', (ARRAY['free', 'pro', 'enterprise'])[1 + g % 3]),
       now(), now(), 0
  FROM tenants t, generate_series(1, :customers) g
 WHERE t.id ~ '^t[0-9]{3}$'
ON CONFLICT DO NOTHING;
INSERT INTO documents (tenant_id, collection, id, data, created_at, updated_at, version)
SELECT t.id, 'bench_orders', 'o' || lpad(g::text, 4, '0'),
       jsonb_build_object('n', g,
                          'status', 's' || lpad((1 + g % 25)::text, 2, '0'),
                          'total', ((g * 7919 % 100000)::numeric / 10)::numeric(7, 1),
                          'region', 'r' || lpad((1 + g * 7 % 50)::text, 2, '0'),
                          'customerId', 'c' || lpad((1 + g * 13 % :customers)::text, 3, '0'),
                          'note', 'bench order ' || g),
       now(), now(), 0
  FROM tenants t, generate_series(1, :per_tenant) g
 WHERE t.id ~ '^t[0-9]{3}$'
ON CONFLICT DO NOTHING;
ANALYZE documents;
