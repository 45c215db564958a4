-- The read data set (run by the superuser): :per_tenant events for each tenant t000 ..., in :streams streams
-- read-0 ... of 1,000 events each, interleaved in the feed (a stream's events are spread over the table as they
-- would be when written over time), after whatever the tenant already has. The feed counter follows.
INSERT INTO events (tenant_id, position, stream_id, version, event_id, type, data, metadata)
SELECT t.id, coalesce(p.last_position, 0) + g, 'read-' || ((g - 1) % :streams), (g - 1) / :streams + 1,
       gen_random_uuid(), 'BenchSeeded', jsonb_build_object('amount', 12.5, 'note', 'bench', 'n', g), '{}'
  FROM tenants t
  LEFT JOIN event_positions p ON p.tenant_id = t.id
 CROSS JOIN generate_series(1, :per_tenant) g
 WHERE t.id ~ '^t[0-9]{3}$';
INSERT INTO event_positions (tenant_id, last_position)
SELECT id, :per_tenant FROM tenants WHERE id ~ '^t[0-9]{3}$'
    ON CONFLICT (tenant_id) DO UPDATE SET last_position = event_positions.last_position + excluded.last_position;
VACUUM ANALYZE events;
VACUUM ANALYZE event_positions;
