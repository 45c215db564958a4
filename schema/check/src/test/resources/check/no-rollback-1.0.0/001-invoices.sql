--liquibase formatted sql

--changeset check:no-rollback-001-invoices
CREATE TABLE invoices (
    tenant_id   text   NOT NULL,
    id          uuid   NOT NULL,
    customer_id uuid   NOT NULL,
    status      text   NOT NULL,
    CONSTRAINT invoices_pk PRIMARY KEY (tenant_id, id),
    CONSTRAINT invoices_customer_fk FOREIGN KEY (tenant_id, customer_id) REFERENCES invoices (tenant_id, id)
);
CREATE INDEX invoices_status_ix ON invoices (tenant_id, status);
CREATE TRIGGER invoices_tenant_guard BEFORE UPDATE ON invoices
    FOR EACH ROW EXECUTE FUNCTION palisade_forbid_tenant_change();
ALTER TABLE invoices ENABLE ROW LEVEL SECURITY;
ALTER TABLE invoices FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON invoices
    USING (tenant_id = (SELECT palisade_current_tenant()))
    WITH CHECK (tenant_id = (SELECT palisade_current_tenant()));
GRANT SELECT, INSERT, UPDATE, DELETE ON invoices TO ${app_role};
