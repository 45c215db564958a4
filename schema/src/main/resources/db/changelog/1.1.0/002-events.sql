--liquibase formatted sql

--changeset palisade:1.1.0-002-events-append-only-function splitStatements:false
--comment: Events are never changed or removed, whoever asks: the table's owner and superusers included.
CREATE FUNCTION palisade_events_append_only() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    RAISE EXCEPTION 'events are append-only: % on % is not allowed', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'restrict_violation';
END
$$;
--rollback DROP FUNCTION palisade_events_append_only();

--changeset palisade:1.1.0-002-events
--comment: The event store. Indexes are built here, not CONCURRENTLY, because the table is created empty in the same changeset: there is nothing to lock. Later indexes on it follow rule 5 (their own CONCURRENTLY changeset).
CREATE TABLE events (
    tenant_id   text        NOT NULL,
    position    bigint      NOT NULL,
    stream_id   text        NOT NULL,
    version     bigint      NOT NULL,
    event_id    uuid        NOT NULL,
    type        text        NOT NULL,
    data        jsonb       NOT NULL,
    metadata    jsonb       NOT NULL DEFAULT '{}'::jsonb,
    recorded_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT events_pk PRIMARY KEY (tenant_id, position),
    CONSTRAINT events_stream_version_uk UNIQUE (tenant_id, stream_id, version),
    CONSTRAINT events_event_id_uk UNIQUE (tenant_id, event_id),
    CONSTRAINT events_position_positive CHECK (position > 0),
    CONSTRAINT events_version_positive CHECK (version > 0),
    CONSTRAINT events_data_object CHECK (jsonb_typeof(data) = 'object'),
    CONSTRAINT events_metadata_object CHECK (jsonb_typeof(metadata) = 'object')
);
CREATE INDEX events_type_position_ix ON events (tenant_id, type, position);
CREATE INDEX events_recorded_at_ix ON events (tenant_id, recorded_at);
CREATE TRIGGER events_append_only BEFORE UPDATE OR DELETE ON events
    FOR EACH ROW EXECUTE FUNCTION palisade_events_append_only();
CREATE TRIGGER events_append_only_truncate BEFORE TRUNCATE ON events
    FOR EACH STATEMENT EXECUTE FUNCTION palisade_events_append_only();
-- Never reached while events_append_only rejects every UPDATE; kept so that every tenant table has the guard.
CREATE TRIGGER events_tenant_guard BEFORE UPDATE ON events
    FOR EACH ROW EXECUTE FUNCTION palisade_forbid_tenant_change();
ALTER TABLE events ENABLE ROW LEVEL SECURITY;
ALTER TABLE events FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON events
    USING (tenant_id = (SELECT palisade_current_tenant()))
    WITH CHECK (tenant_id = (SELECT palisade_current_tenant()));
--rollback DROP TABLE events;
