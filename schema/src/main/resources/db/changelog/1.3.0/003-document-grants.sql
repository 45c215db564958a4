--liquibase formatted sql

--changeset palisade:1.3.0-003-document-grants
--comment: The service role reads and writes documents (row-level security keeps it to one tenant) and may call the
--comment: extractors, which the query language uses to reach declared indexes.
GRANT SELECT, INSERT, UPDATE, DELETE ON documents TO ${app_role};
GRANT EXECUTE ON FUNCTION palisade_doc_text(jsonb), palisade_doc_number(jsonb), palisade_doc_boolean(jsonb),
    palisade_doc_timestamp(jsonb) TO ${app_role};
--rollback REVOKE EXECUTE ON FUNCTION palisade_doc_text(jsonb), palisade_doc_number(jsonb), palisade_doc_boolean(jsonb), palisade_doc_timestamp(jsonb) FROM ${app_role};
--rollback REVOKE ALL ON documents FROM ${app_role};
