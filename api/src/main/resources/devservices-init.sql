-- Dev Services only: the service role, so that dev mode with a container engine runs under row-level security too.
CREATE ROLE palisade_app LOGIN PASSWORD 'palisade_app' NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS;
GRANT CONNECT, TEMPORARY ON DATABASE palisade TO palisade_app;
GRANT USAGE ON SCHEMA public TO palisade_app;
