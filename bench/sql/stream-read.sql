-- What the service's database work is for GET /streams/read-k/events?fromVersion=1&limit=1000: a transaction as the
-- service role that binds the tenant and runs EventReader.STREAM (one row more than the page, to know `next`).
\set t random(0, :tenants - 1)
\set k random(0, :streams - 1)
BEGIN;
SELECT set_config('app.tenant_id', 't' || lpad(:t::text, 3, '0'), true);
SELECT position, stream_id, version, event_id, type, data::text, metadata::text, recorded_at
  FROM events
 WHERE tenant_id = 't' || lpad(:t::text, 3, '0') AND stream_id = 'read-' || :k AND version >= 1
 ORDER BY version
 LIMIT 1001;
COMMIT;
