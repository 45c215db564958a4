-- Palisade database bootstrap: creates (or brings up to date) the database and its two roles.
--
-- Run once per environment by a PostgreSQL superuser; running it again is harmless (it is idempotent and
-- re-asserts passwords and role attributes):
--
--   psql -h HOST -U postgres -v ON_ERROR_STOP=1 \
--        -v db=palisade -v owner=palisade_owner -v owner_password=... \
--        -v app=palisade_app -v app_password=... \
--        -f deploy/postgres/bootstrap.sql
--
-- Roles:
--   owner  owns the database, its schema and every table; Liquibase migrates as this role.
--   app    the service role: it owns nothing, cannot bypass row-level security and gets only the table grants
--          that the changelogs give it (through the changelog parameter app_role).
--
-- It also creates, in the database, the LEAKPROOF extractors declared document indexes are built on
-- (document-extractors.sql, beside this file: only a superuser may create them). Schema release 1.4.0 refuses to
-- migrate without them, so run this script of the release you deploy before migrating to it.
\set ON_ERROR_STOP on
\set QUIET on

SELECT format('CREATE ROLE %I', :'owner')
 WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'owner') \gexec
SELECT format('ALTER ROLE %I WITH LOGIN PASSWORD %L NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS',
              :'owner', :'owner_password') \gexec

SELECT format('CREATE ROLE %I', :'app')
 WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'app') \gexec
SELECT format('ALTER ROLE %I WITH LOGIN PASSWORD %L NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS',
              :'app', :'app_password') \gexec

SELECT format('CREATE DATABASE %I OWNER %I ENCODING %L TEMPLATE template0', :'db', :'owner', 'UTF8')
 WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = :'db') \gexec
SELECT format('ALTER DATABASE %I OWNER TO %I', :'db', :'owner') \gexec

-- Only the two roles may connect; the app role may create temporary tables, nothing else.
SELECT format('REVOKE ALL ON DATABASE %I FROM PUBLIC', :'db') \gexec
SELECT format('GRANT CONNECT, TEMPORARY ON DATABASE %I TO %I', :'db', :'app') \gexec
SELECT format('GRANT CONNECT, CREATE, TEMPORARY ON DATABASE %I TO %I', :'db', :'owner') \gexec

\connect :"db"
\set ON_ERROR_STOP on

-- The owner owns the public schema, so it alone may create objects there; the app role may only use it.
SELECT format('ALTER SCHEMA public OWNER TO %I', :'owner') \gexec
REVOKE ALL ON SCHEMA public FROM PUBLIC;
SELECT format('GRANT USAGE ON SCHEMA public TO %I', :'app') \gexec

-- The LEAKPROOF document extractors, owned by this superuser. Only the owner may execute them, and grant that to the
-- service role (the changelog does, through app_role).
\ir document-extractors.sql
REVOKE ALL ON FUNCTION palisade_doc_text(jsonb, text[]), palisade_doc_boolean(jsonb, text[]),
    palisade_doc_number_key(jsonb, text[]), palisade_doc_timestamp(jsonb, text[]) FROM PUBLIC;
SELECT format('GRANT EXECUTE ON FUNCTION palisade_doc_text(jsonb, text[]), palisade_doc_boolean(jsonb, text[]), '
              'palisade_doc_number_key(jsonb, text[]), palisade_doc_timestamp(jsonb, text[]) TO %I WITH GRANT OPTION',
              :'owner') \gexec

\echo bootstrap: database, roles and document extractors are in place
