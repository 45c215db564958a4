--liquibase formatted sql

--changeset palisade:1.1.0-005-events-autovacuum
--comment: Events are only ever inserted: vacuum on inserts keeps the visibility map current (index-only scans stay off the heap), and frequent analysis keeps plans right while the table grows from empty.
ALTER TABLE events SET (autovacuum_vacuum_insert_scale_factor = 0.02, autovacuum_analyze_scale_factor = 0.02);
--rollback ALTER TABLE events RESET (autovacuum_vacuum_insert_scale_factor, autovacuum_analyze_scale_factor);
