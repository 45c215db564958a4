package dev.palisade.tenancy.filter;

import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreRemove;
import jakarta.persistence.PreUpdate;

import org.hibernate.annotations.FilterDef;
import org.hibernate.annotations.ParamDef;

import dev.palisade.tenancy.NoTenantException;
import dev.palisade.tenancy.TenantId;
import dev.palisade.tenancy.TenantMismatchException;
import dev.palisade.tenancy.context.CurrentTenant;

/**
 * Base of every tenant-scoped entity. A subclass maps {@code tenant_id} as the first part of its id, annotates itself
 * {@code @Filter(name = TenantFilter.NAME)}, and takes its tenant from the constructor (the caller passes the current
 * tenant). Writing a row for another tenant than the current one, or with none, is an error here, and again in
 * PostgreSQL (row-level security {@code WITH CHECK}, and a trigger that forbids changing {@code tenant_id}).
 */
@MappedSuperclass
@FilterDef(name = TenantFilter.NAME, defaultCondition = TenantFilter.CONDITION, autoEnabled = true,
        applyToLoadByKey = true, parameters = @ParamDef(name = TenantFilter.PARAMETER, type = String.class,
                resolver = CurrentTenantParameter.class))
public abstract class TenantScopedEntity {

    /** The tenant the row belongs to. */
    public abstract TenantId tenant();

    @PrePersist
    @PreUpdate
    @PreRemove
    void checkTenant() {
        TenantId current = CurrentTenant.get().orElseThrow(NoTenantException::new);
        if (!current.equals(tenant())) {
            throw new TenantMismatchException("A " + getClass().getSimpleName() + " row", current, tenant().value());
        }
    }
}
