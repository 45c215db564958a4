--liquibase formatted sql

--changeset invoices:invoices-1.0.0-001-customers
--comment: A tenant's customers. A tenant table by schema/README.md: tenant_id leads every key, RLS forced, guarded.
CREATE TABLE customers (
    tenant_id  text        NOT NULL,
    id         uuid        NOT NULL,
    name       text        NOT NULL,
    created_at timestamptz NOT NULL,
    CONSTRAINT customers_pk PRIMARY KEY (tenant_id, id),
    CONSTRAINT customers_tenant_fk FOREIGN KEY (tenant_id) REFERENCES tenants (id)
);
CREATE TRIGGER customers_tenant_guard BEFORE UPDATE ON customers
    FOR EACH ROW EXECUTE FUNCTION palisade_forbid_tenant_change();
ALTER TABLE customers ENABLE ROW LEVEL SECURITY;
ALTER TABLE customers FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON customers
    USING (tenant_id = (SELECT palisade_current_tenant()))
    WITH CHECK (tenant_id = (SELECT palisade_current_tenant()));
--rollback DROP TABLE customers;
