-- Rows for every table of release 1.1.0, written before rollbacks to prove that surviving tables keep them.
INSERT INTO event_positions (tenant_id, last_position) VALUES ('seed-a', 2), ('seed-b', 1);
INSERT INTO events (tenant_id, position, stream_id, version, event_id, type, data, metadata)
VALUES ('seed-a', 1, 'order-1', 1, '00000000-0000-0000-0000-0000000000e1', 'OrderPlaced', '{"total": 10}', '{}'),
       ('seed-a', 2, 'order-1', 2, '00000000-0000-0000-0000-0000000000e2', 'OrderPaid', '{"total": 10}', '{"by": "card"}'),
       ('seed-b', 1, 'order-1', 1, '00000000-0000-0000-0000-0000000000e1', 'OrderPlaced', '{"total": 5}', '{}');
