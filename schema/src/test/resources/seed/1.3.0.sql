-- Rows for the documents table of release 1.3.0: the same id in two tenants, each its own.
INSERT INTO documents (tenant_id, collection, id, data, created_at, updated_at, version)
VALUES ('seed-a', 'customers', 'c-1', '{"email": "a@example.com"}', now(), now(), 1),
       ('seed-b', 'customers', 'c-1', '{"email": "a@example.com"}', now(), now(), 1);
