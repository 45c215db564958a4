--liquibase formatted sql

--changeset palisade:1.1.0-003-event-grants
--comment: The service may read and append events, never change them; it moves its tenant's position counter forward.
GRANT SELECT, INSERT ON events TO ${app_role};
GRANT SELECT, INSERT, UPDATE ON event_positions TO ${app_role};
--rollback REVOKE ALL ON events, event_positions FROM ${app_role};
