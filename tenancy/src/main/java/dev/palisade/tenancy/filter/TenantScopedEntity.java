package dev.palisade.tenancy.filter;

import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreRemove;
import jakarta.persistence.PreUpdate;

import org.hibernate.annotations.FilterDef;
import org.hibernate.annotations.ParamDef;

import dev.palisade.tenancy.TenantId;
import dev.palisade.tenancy.TenantMismatchException;
import dev.palisade.tenancy.context.CurrentTenant;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * Base of every tenant-scoped entity, and the home of the tenant filter's definition. Writing a row for another
 * tenant than the current one, or with none, is an error here, and again in PostgreSQL (row-level security
 * {@code WITH CHECK}, and a trigger that forbids changing {@code tenant_id}).
 * <p>
 * Extend {@link dev.palisade.tenancy.panache.TenantPanacheEntity}, which maps {@code tenant_id} and stamps it. Extend
 * this class directly only to keep {@code tenant_id} inside a composite {@code @IdClass}: such a subclass maps
 * {@code tenant_id} as the first part of its id, annotates itself {@code @Filter(name = TenantFilter.NAME)}, and takes
 * its tenant from the constructor.
 */
@MappedSuperclass
@FilterDef(name = TenantFilter.NAME, defaultCondition = TenantFilter.CONDITION, autoEnabled = true,
        applyToLoadByKey = true, parameters = @ParamDef(name = TenantFilter.PARAMETER, type = String.class,
                resolver = CurrentTenantParameter.class))
public abstract class TenantScopedEntity extends PanacheEntityBase {

    /** The tenant the row belongs to; {@code null} only before the insert of an entity that stamps its tenant. */
    public abstract TenantId tenant();

    /**
     * Gives a new row its tenant, just before its insert; called only while {@link #tenant()} is {@code null}. The
     * default leaves it unset (the insert is then refused): subclasses that stamp the tenant override it.
     */
    protected void assignTenant(TenantId current) {
    }

    @PrePersist
    void beforeInsert() {
        TenantId current = CurrentTenant.require();
        if (tenant() == null) {
            assignTenant(current);
        }
        requireTenant(current);
    }

    @PreUpdate
    @PreRemove
    void beforeChange() {
        requireTenant(CurrentTenant.require());
    }

    private void requireTenant(TenantId current) {
        TenantId own = tenant();
        if (!current.equals(own)) {
            throw new TenantMismatchException("A " + getClass().getSimpleName() + " row", current,
                    own == null ? "" : own.value());
        }
    }
}
