-- Baseline of a bulk upsert: the 1,000 rows one POST .../documents:bulk writes, in one statement.
\set t random(0, :tenants - 1)
\set b random(0, 99)
INSERT INTO documents (tenant_id, collection, id, data, created_at, updated_at, version)
SELECT 't' || lpad(:t::text, 3, '0'), 'notes', 'b' || (:b * 1000 + g), jsonb_build_object('n', g, 'text', 'bulk'),
       now(), now(), 0
  FROM generate_series(1, 1000) g
ON CONFLICT (tenant_id, collection, id) DO UPDATE SET data = EXCLUDED.data, updated_at = now(),
    version = documents.version + 1;
