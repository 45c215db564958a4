-- Release 1.4.0 adds no table: grants on the bootstrap's LEAKPROOF document extractors, and a new body of the append
-- function. An append through it, after the rows of 1.1.0: it takes the tenant's next position, and its event must
-- survive the rollback to 1.3.0.
SELECT palisade_append_events('seed-a', '[{"streamId": "order-1", "expected": "exactly", "version": 2, "events":
    [{"eventId": "00000000-0000-0000-0000-0000000000e3", "type": "OrderShipped", "data": {"total": 10}}]}]');
