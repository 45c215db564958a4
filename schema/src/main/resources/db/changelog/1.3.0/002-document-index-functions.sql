--liquibase formatted sql

--changeset palisade:1.3.0-002-document-index-functions
--comment: The typed extractors declared indexes are built on (dev.palisade.documents.collection.FieldType is the
--comment: Java side of this rule; DocumentIndexTypesTest proves they agree). A value of another type is NULL, so an
--comment: index never fails a write; every function is immutable, as an index expression must be.
CREATE FUNCTION palisade_doc_text(v jsonb) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN CASE WHEN jsonb_typeof(v) = 'string' THEN v #>> '{}' END;
CREATE FUNCTION palisade_doc_number(v jsonb) RETURNS numeric
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN CASE WHEN jsonb_typeof(v) = 'number' THEN (v #>> '{}')::numeric END;
CREATE FUNCTION palisade_doc_boolean(v jsonb) RETURNS boolean
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN CASE WHEN jsonb_typeof(v) = 'boolean' THEN (v #>> '{}')::boolean END;
-- Only a timestamp with an explicit offset is indexed: its meaning does not depend on the session's TimeZone, which
-- is what makes this cast immutable. The pattern is FieldType.RFC3339's; a value that matches it but is no real date
-- (month 13) never reaches the database, FieldType refuses it first.
CREATE FUNCTION palisade_doc_timestamp(v jsonb) RETURNS timestamptz
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN CASE WHEN jsonb_typeof(v) = 'string'
        AND (v #>> '{}') ~ '^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d{1,6})?([Zz]|[+-]\d{2}:\d{2})$'
        THEN (v #>> '{}')::timestamptz END;
--rollback DROP FUNCTION palisade_doc_timestamp(jsonb);
--rollback DROP FUNCTION palisade_doc_boolean(jsonb);
--rollback DROP FUNCTION palisade_doc_number(jsonb);
--rollback DROP FUNCTION palisade_doc_text(jsonb);
