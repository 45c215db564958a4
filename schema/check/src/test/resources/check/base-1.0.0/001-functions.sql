--liquibase formatted sql

--changeset check:base-001-functions splitStatements:false
--comment: The two functions of Palisade's 1.0.0-002 that the rules name, so that each case below stands alone.
CREATE FUNCTION palisade_current_tenant() RETURNS text
    LANGUAGE sql STABLE PARALLEL SAFE
AS $$ SELECT nullif(current_setting('app.tenant_id', true), '') $$;

CREATE FUNCTION palisade_forbid_tenant_change() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    IF NEW.tenant_id IS DISTINCT FROM OLD.tenant_id THEN
        RAISE EXCEPTION 'tenant_id cannot change' USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END
$$;
--rollback DROP FUNCTION palisade_forbid_tenant_change();
--rollback DROP FUNCTION palisade_current_tenant();
