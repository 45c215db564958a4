-- Baseline of a read by id: the row GET /collections/notes/documents/{id} reads, by primary key.
\set t random(0, :tenants - 1)
\set n random(1, 1000)
SELECT id, data, version, created_at, updated_at FROM documents
 WHERE tenant_id = 't' || lpad(:t::text, 3, '0') AND collection = 'notes' AND id = 'n' || :n;
