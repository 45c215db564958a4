--liquibase formatted sql

--changeset palisade:1.1.0-001-event-positions
--comment: Each tenant's last feed position. Appends take the next positions by updating this row, so a tenant's positions are handed out in commit order and a feed reader can never skip an event that commits late.
CREATE TABLE event_positions (
    tenant_id     text   NOT NULL,
    last_position bigint NOT NULL,
    CONSTRAINT event_positions_pk PRIMARY KEY (tenant_id),
    CONSTRAINT event_positions_tenant_fk FOREIGN KEY (tenant_id) REFERENCES tenants (id),
    CONSTRAINT event_positions_not_negative CHECK (last_position >= 0)
);
CREATE TRIGGER event_positions_tenant_guard BEFORE UPDATE ON event_positions
    FOR EACH ROW EXECUTE FUNCTION palisade_forbid_tenant_change();
ALTER TABLE event_positions ENABLE ROW LEVEL SECURITY;
ALTER TABLE event_positions FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON event_positions
    USING (tenant_id = (SELECT palisade_current_tenant()))
    WITH CHECK (tenant_id = (SELECT palisade_current_tenant()));
--rollback DROP TABLE event_positions;
