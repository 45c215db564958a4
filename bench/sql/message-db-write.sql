-- The peer: Message DB's write_message (its own locking, version check and insert), one message per transaction,
-- to one of 1,000 streams of one of :tenants categories, the same data as bench/lua/appends.lua.
-- Needs search_path=message_store,public (set by the harness through PGOPTIONS, as Message DB's docs say).
\set t random(0, :tenants - 1)
\set s random(1, 1000)
SELECT message_store.write_message(gen_random_uuid()::varchar, 't' || lpad(:t::text, 3, '0') || '-' || :s,
       'BenchAppended', '{"amount":12.5,"note":"bench"}'::jsonb, '{}'::jsonb);
