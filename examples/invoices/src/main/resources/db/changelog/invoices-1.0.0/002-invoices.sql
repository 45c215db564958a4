--liquibase formatted sql

--changeset invoices:invoices-1.0.0-002-invoices
--comment: Invoices of a tenant's customers. The foreign key names tenant_id too, so an invoice can only ever point at a customer of its own tenant (foreign key checks do not go through row-level security).
CREATE TABLE invoices (
    tenant_id    text        NOT NULL,
    id           uuid        NOT NULL,
    customer_id  uuid        NOT NULL,
    number       text        NOT NULL,
    amount_cents bigint      NOT NULL,
    status       text        NOT NULL,
    created_at   timestamptz NOT NULL,
    version      bigint      NOT NULL,
    CONSTRAINT invoices_pk PRIMARY KEY (tenant_id, id),
    CONSTRAINT invoices_number_uk UNIQUE (tenant_id, number),
    CONSTRAINT invoices_customer_fk FOREIGN KEY (tenant_id, customer_id) REFERENCES customers (tenant_id, id),
    CONSTRAINT invoices_amount_ck CHECK (amount_cents > 0),
    CONSTRAINT invoices_status_ck CHECK (status IN ('OPEN', 'PAID'))
);
-- Created with its still-empty table, so it need not be concurrent (schema/README.md rule 5).
CREATE INDEX invoices_customer_ix ON invoices (tenant_id, customer_id);
CREATE INDEX invoices_status_ix ON invoices (tenant_id, status);
CREATE TRIGGER invoices_tenant_guard BEFORE UPDATE ON invoices
    FOR EACH ROW EXECUTE FUNCTION palisade_forbid_tenant_change();
ALTER TABLE invoices ENABLE ROW LEVEL SECURITY;
ALTER TABLE invoices FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON invoices
    USING (tenant_id = (SELECT palisade_current_tenant()))
    WITH CHECK (tenant_id = (SELECT palisade_current_tenant()));
--rollback DROP TABLE invoices;
