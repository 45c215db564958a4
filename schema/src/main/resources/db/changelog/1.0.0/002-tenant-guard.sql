--liquibase formatted sql

--changeset palisade:1.0.0-002-tenant-guard-functions splitStatements:false
--comment: Shared by every tenant table: the current tenant of the transaction, and a guard that makes moving a row to another tenant an error.
CREATE FUNCTION palisade_current_tenant() RETURNS text
    LANGUAGE sql STABLE PARALLEL SAFE
AS $$ SELECT nullif(current_setting('app.tenant_id', true), '') $$;

CREATE FUNCTION palisade_forbid_tenant_change() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    IF NEW.tenant_id IS DISTINCT FROM OLD.tenant_id THEN
        RAISE EXCEPTION 'tenant_id of a % row cannot change (from % to %)', TG_TABLE_NAME, OLD.tenant_id, NEW.tenant_id
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END
$$;
--rollback DROP FUNCTION palisade_forbid_tenant_change();
--rollback DROP FUNCTION palisade_current_tenant();
