--liquibase formatted sql

--changeset invoices:invoices-1.0.0-003-grants
--comment: The service role (changelog parameter app_role) gets what the service needs on its own tables.
GRANT SELECT, INSERT, UPDATE, DELETE ON customers TO ${app_role};
GRANT SELECT, INSERT, UPDATE, DELETE ON invoices TO ${app_role};
--rollback REVOKE ALL ON invoices, customers FROM ${app_role};
