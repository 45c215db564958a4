-- Baseline of a single-event append: a one-row insert transaction (autocommit) into bench.events, for one of
-- :tenants tenants (t000 ...) and one of 1,000 streams, with the same data as bench/lua/appends.lua.
\set t random(0, :tenants - 1)
\set s random(1, 1000)
INSERT INTO bench.events (tenant_id, position, stream_id, version, event_id, type, data, metadata)
SELECT 't' || lpad(:t::text, 3, '0'), n.p, 'bench-' || :s, n.p, gen_random_uuid(), 'BenchAppended',
       '{"amount":12.5,"note":"bench"}', '{}'
  FROM (SELECT nextval('bench.position') AS p) n;
