-- What the service's database work is for GET /events?after=n&limit=1000: a transaction as the service role that
-- binds the tenant and runs EventReader.FEED without a time range (one row more than the page).
\set t random(0, :tenants - 1)
\set after random(0, :max_after)
BEGIN;
SELECT set_config('app.tenant_id', 't' || lpad(:t::text, 3, '0'), true);
SELECT position, stream_id, version, event_id, type, data::text, metadata::text, recorded_at
  FROM events
 WHERE tenant_id = 't' || lpad(:t::text, 3, '0') AND position > :after
   AND recorded_at >= coalesce(NULL::timestamptz, '-infinity')
   AND recorded_at < coalesce(NULL::timestamptz, 'infinity')
 ORDER BY position
 LIMIT 1001;
COMMIT;
