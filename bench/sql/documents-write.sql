-- One document write per transaction while an index builds: an upsert of a random document of a random tenant
-- (bench/documents-index-build.sh). Half the writes create new documents, half replace existing ones.
\set t random(1, 100)
\set n random(1, 2000000)
INSERT INTO documents (tenant_id, collection, id, data, created_at, updated_at, version)
VALUES ('t' || :t, 'customers', 'c' || :n,
        jsonb_build_object('email', 'u' || :n || '@t' || :t || '.example', 'name', 'N' || :n, 'tier', 'pro'),
        now(), now(), 0)
ON CONFLICT (tenant_id, collection, id) DO UPDATE SET data = EXCLUDED.data, updated_at = now(),
    version = documents.version + 1;
