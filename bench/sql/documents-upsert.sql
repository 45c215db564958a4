-- Baseline of a single upsert: the row PUT /collections/notes/documents/{id} writes, as one autocommit statement.
\set t random(0, :tenants - 1)
\set n random(1, 100000)
INSERT INTO documents (tenant_id, collection, id, data, created_at, updated_at, version)
VALUES ('t' || lpad(:t::text, 3, '0'), 'notes', 'u' || :n, '{"n": 1, "text": "bench upsert"}', now(), now(), 0)
ON CONFLICT (tenant_id, collection, id) DO UPDATE SET data = EXCLUDED.data, updated_at = now(),
    version = documents.version + 1;
