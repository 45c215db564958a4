-- By hand, what GET /collections/bench_orders/documents?data.total__gte=lo&data.total__lt=lo+:range
-- &orderBy=data.total&limit=50 asks: the tenant bound in a transaction as the service role, the page read along the
-- declared index `total` (palisade_doc_number(data #> '{total}')), ties broken by id, one row more than the page.
\set t random(0, :tenants - 1)
\set lo random(0, 10000 - :range)
\set hi :lo + :range
BEGIN;
SELECT set_config('app.tenant_id', 't' || lpad(:t::text, 3, '0'), true);
SELECT id, data, version, created_at, updated_at
  FROM documents
 WHERE tenant_id = 't' || lpad(:t::text, 3, '0') AND collection = 'bench_orders'
   AND palisade_doc_number(data #> '{total}') >= :lo AND palisade_doc_number(data #> '{total}') < :hi
 ORDER BY palisade_doc_number(data #> '{total}'), id
 LIMIT 51;
COMMIT;
