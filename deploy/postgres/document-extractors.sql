-- The LEAKPROOF typed extractors declared document indexes are built on (schema release 1.4.0 and later).
--
-- Run by a superuser, in the Palisade database: bootstrap.sql includes this file (every path that bootstraps a
-- database runs bootstrap.sql: operators, the test databases, bin/dev, the bench harness); Dev Services, whose
-- container superuser is the owner, runs it as an init script. Idempotent; plain SQL (no psql variables).
--
-- Why a superuser: as the service role, bound by the documents table's FORCE'd row-level security policy, PostgreSQL
-- uses a condition as an index condition only if every function in it that touches a column is LEAKPROOF (an error or
-- a side channel could otherwise reveal a row the policy hides before the policy filters it), and only a superuser may
-- mark a function LEAKPROOF. The functions are owned by that superuser, so the owner role that migrates cannot
-- replace a body (CREATE OR REPLACE by anyone else fails; ALTER ... OWNER below re-asserts it).
--
-- The promise a LEAKPROOF function makes: it raises no error for any input, and its result depends only on its
-- arguments. Each body below only tests types and patterns before it converts, and converts only what cannot fail:
--   - `#>` and `#>>` with any path (a missing key, an array step that is no index, a NULL step) answer NULL;
--   - jsonb_typeof never fails; a jsonb boolean casts to boolean, a jsonb number to numeric, always;
--   - numeric to float8 fails only beyond float8's range (1e400: "out of range") or below half its smallest
--     denormal (1e-400 underflows to zero: also "out of range"): such magnitudes are clamped first to +-Infinity and
--     0, so the key is the float8 nearest the number elsewhere, never an error;
--   - text to timestamptz fails on a field out of range (2026-02-31, month 13, year 0000, an offset beyond +-15:59,
--     hour 24): the pattern admits only fields in range and the day is checked against its month (leap years
--     included) by comparing text only, before the one cast.
-- DocumentIndexTypesTest (api) runs each over adversarial inputs and proves the Java side agrees:
-- dev.palisade.documents.collection.FieldType (what a document may hold at an indexed path, the same pattern) and
-- dev.palisade.query.Float8Key (the number key, which a query bounds with).
--
-- A body never changes in place: an index on an immutable function would silently disagree with its new body.
-- A changed rule is a new function (a new name), with a release that rebuilds the declared indexes on it.

-- Text: the string at the path, else NULL.
CREATE OR REPLACE FUNCTION public.palisade_doc_text(data jsonb, path text[]) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF
    RETURN CASE WHEN jsonb_typeof(data #> path) = 'string' THEN data #>> path END;

-- Boolean: the boolean at the path, else NULL.
CREATE OR REPLACE FUNCTION public.palisade_doc_boolean(data jsonb, path text[]) RETURNS boolean
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF
    RETURN CASE WHEN jsonb_typeof(data #> path) = 'boolean' THEN CAST(data #> path AS boolean) END;

-- Number: the float8 nearest the number at the path (+-Infinity beyond float8's largest finite value; 0 below half
-- its smallest denormal), else NULL. A key, not the value: numeric comparisons are not LEAKPROOF, float8's are, and
-- the key is monotone (a <= b implies key(a) <= key(b)), so a query bounds the key loosely (one float8 step either
-- way) and rechecks the exact value on numeric (query/README.md).
CREATE OR REPLACE FUNCTION public.palisade_doc_number_key(data jsonb, path text[]) RETURNS double precision
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF
    RETURN CASE WHEN jsonb_typeof(data #> path) = 'number' THEN CASE
        WHEN CAST(data #> path AS numeric) > 1.7976931348623157e308 THEN CAST('Infinity' AS double precision)
        WHEN CAST(data #> path AS numeric) < -1.7976931348623157e308 THEN CAST('-Infinity' AS double precision)
        WHEN abs(CAST(data #> path AS numeric)) < 2.4703282292062328e-324 THEN CAST(0 AS double precision)
        ELSE CAST(CAST(data #> path AS numeric) AS double precision) END END;

-- Timestamp: an RFC 3339 date-time with an explicit offset (its meaning does not depend on the session's TimeZone,
-- which is what makes the cast immutable) whose every field is in range, else NULL. The pattern is
-- FieldType.RFC3339's, character for character.
CREATE OR REPLACE FUNCTION public.palisade_doc_timestamp(data jsonb, path text[]) RETURNS timestamptz
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF
    RETURN CASE WHEN jsonb_typeof(data #> path) = 'string' AND (data #>> path)
            ~ '^(?!0000)[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])[Tt ]([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\.[0-9]{1,6})?([Zz]|[+-](0[0-9]|1[0-5]):[0-5][0-9])$'
        THEN CASE WHEN substr(data #>> path, 9, 2) NOT IN ('29', '30', '31')
            OR (substr(data #>> path, 9, 2) = '30' AND substr(data #>> path, 6, 2) <> '02')
            OR (substr(data #>> path, 9, 2) = '31' AND substr(data #>> path, 6, 2) IN ('01', '03', '05', '07', '08',
                '10', '12'))
            -- The 29th: any month but February, or February of a leap year (divisible by 4; of a century, its
            -- first two digits divisible by 4), told from the year's digits alone.
            OR (substr(data #>> path, 9, 2) = '29' AND (substr(data #>> path, 6, 2) <> '02'
                OR (substr(data #>> path, 3, 2) <> '00' AND substr(data #>> path, 3, 2) ~ '^([02468][048]|[13579][26])$')
                OR (substr(data #>> path, 3, 2) = '00' AND substr(data #>> path, 1, 2) ~ '^([02468][048]|[13579][26])$')))
        THEN CAST(data #>> path AS timestamptz) END END;

ALTER FUNCTION public.palisade_doc_text(jsonb, text[]) OWNER TO CURRENT_USER;
ALTER FUNCTION public.palisade_doc_boolean(jsonb, text[]) OWNER TO CURRENT_USER;
ALTER FUNCTION public.palisade_doc_number_key(jsonb, text[]) OWNER TO CURRENT_USER;
ALTER FUNCTION public.palisade_doc_timestamp(jsonb, text[]) OWNER TO CURRENT_USER;
