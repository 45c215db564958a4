-- The baseline tables, in the benchmark's own database (run by the superuser): PostgreSQL's own limit for the same
-- rows, without Palisade's function, locks, triggers, row-level security or service.
--
-- bench.events has the columns, defaults, constraints and all five indexes of public.events. Positions come from a
-- sequence and version = position, so the unique keys hold without any lookup: a plain insert of the same row.
CREATE SCHEMA bench;
CREATE TABLE bench.events (LIKE public.events INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING INDEXES);
CREATE SEQUENCE bench.position;
