-- Release 1.3.0, changeset 050 adds no table (a new body of the append function, planned once per session): nothing
-- to seed for it, and the rollback to 1.2.0 must keep the rows seeded for the earlier releases. (Other 1.3.0
-- changesets that add tables put their rows here.)
SELECT 1;
