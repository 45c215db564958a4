--liquibase formatted sql

--changeset palisade:1.2.0-001-events-statement-guards
--comment: Append-only, loudly: the row-level trigger of 1.1.0 never fires when row-level security (or a WHERE) leaves no row to change, so the owner without a tenant got UPDATE 0 instead of an error. A statement-level trigger fires for every UPDATE and DELETE of events, whatever it matches; TRUNCATE already had one.
CREATE TRIGGER events_append_only_statement BEFORE UPDATE OR DELETE ON events
    FOR EACH STATEMENT EXECUTE FUNCTION palisade_events_append_only();
--rollback DROP TRIGGER events_append_only_statement ON events;
