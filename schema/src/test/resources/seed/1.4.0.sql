-- Release 1.4.0 adds no table (grants on the bootstrap's LEAKPROOF document extractors): nothing to seed, and the
-- rollback to 1.3.0 must keep the rows seeded for the earlier releases.
SELECT 1;
