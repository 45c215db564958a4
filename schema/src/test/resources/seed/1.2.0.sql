-- Release 1.2.0 adds no table (a trigger and a new body of the append function): nothing to seed, and the rollback
-- to 1.1.0 must keep the rows seeded for the earlier releases.
SELECT 1;
