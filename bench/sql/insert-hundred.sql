-- Baseline of a batch append: one transaction (autocommit) inserting 100 rows into bench.events, one stream of one
-- of :tenants tenants, the same data per event as bench/lua/appends.lua with BENCH_BATCH=100.
\set t random(0, :tenants - 1)
\set s random(1, 1000)
INSERT INTO bench.events (tenant_id, position, stream_id, version, event_id, type, data, metadata)
SELECT 't' || lpad(:t::text, 3, '0'), n.p, 'bench-' || :s, n.p, gen_random_uuid(), 'BenchAppended',
       '{"amount":12.5,"note":"bench"}', '{}'
  FROM (SELECT nextval('bench.position') AS p FROM generate_series(1, 100)) n;
