--liquibase formatted sql

--changeset palisade:1.1.0-004-event-grants
--comment: The service may read and append events, never change them; it moves its tenant's position counter forward, through the append function or directly.
GRANT SELECT, INSERT ON events TO ${app_role};
GRANT SELECT, INSERT, UPDATE ON event_positions TO ${app_role};
GRANT EXECUTE ON FUNCTION palisade_append_events(text, jsonb) TO ${app_role};
--rollback REVOKE EXECUTE ON FUNCTION palisade_append_events(text, jsonb) FROM ${app_role};
--rollback REVOKE ALL ON events, event_positions FROM ${app_role};
