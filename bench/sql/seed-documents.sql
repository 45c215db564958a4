-- :per_tenant documents n1 ... of collection notes for every tenant the harness created (reads by id hit them).
INSERT INTO documents (tenant_id, collection, id, data, created_at, updated_at, version)
SELECT t.id, 'notes', 'n' || g, jsonb_build_object('n', g, 'text', 'bench note ' || g), now(), now(), 0
  FROM tenants t, generate_series(1, :per_tenant) g
ON CONFLICT DO NOTHING;
ANALYZE documents;
