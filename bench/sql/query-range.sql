-- By hand, what GET /collections/bench_orders/documents?data.total__gte=lo&data.total__lt=lo+:range
-- &orderBy=data.total&limit=50 asks: the tenant bound in a transaction as the service role, the page read along the
-- declared index `total`, ties broken by id, one row more than the page. As the service emits it (query/README.md):
-- the index holds the number's float8 key (LEAKPROOF: an index condition under the policy) then its exact value; a
-- bound on the number is a bound on the key loosened by one float8 step (the service binds Math.nextDown/nextUp of
-- the bound's key; here a step of 1e-9, the same rows for these integers) ANDed with the exact bound on numeric, and
-- the ordering is the key's, then the exact value's.
\set t random(0, :tenants - 1)
\set lo random(0, 10000 - :range)
\set hi :lo + :range
BEGIN;
SELECT set_config('app.tenant_id', 't' || lpad(:t::text, 3, '0'), true);
SELECT id, data, version, created_at, updated_at
  FROM documents
 WHERE tenant_id = 't' || lpad(:t::text, 3, '0') AND collection = 'bench_orders'
   AND palisade_doc_number_key(data, '{total}') >= :lo - 1e-9 AND palisade_doc_number(data #> '{total}') >= :lo
   AND palisade_doc_number_key(data, '{total}') <= :hi + 1e-9 AND palisade_doc_number(data #> '{total}') < :hi
 ORDER BY palisade_doc_number_key(data, '{total}'), palisade_doc_number(data #> '{total}'), id
 LIMIT 51;
COMMIT;
