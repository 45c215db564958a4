--liquibase formatted sql

--changeset palisade:1.0.0-001-tenants
--comment: The tenant registry. Not itself tenant-scoped: only the admin API writes it.
CREATE TABLE tenants (
    id         text        NOT NULL,
    name       text        NOT NULL,
    status     text        NOT NULL DEFAULT 'ACTIVE',
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT tenants_pk PRIMARY KEY (id),
    CONSTRAINT tenants_id_format CHECK (id ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
    CONSTRAINT tenants_name_length CHECK (char_length(name) BETWEEN 1 AND 200),
    CONSTRAINT tenants_status_known CHECK (status IN ('ACTIVE', 'SUSPENDED'))
);
--rollback DROP TABLE tenants;
