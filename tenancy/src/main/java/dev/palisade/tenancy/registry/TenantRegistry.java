package dev.palisade.tenancy.registry;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import dev.palisade.tenancy.ConflictException;
import dev.palisade.tenancy.NotFoundException;
import dev.palisade.tenancy.TenantId;
import dev.palisade.tenancy.apikey.ApiKeys;
import dev.palisade.tenancy.change.TenancyChanges;
import dev.palisade.tenancy.context.TenantScope;
import dev.palisade.tenancy.session.Rows;

/**
 * The tenant registry: register, list, suspend and reactivate tenants. Suspension takes effect on every replica's next
 * request (see {@link TenancyChanges}).
 */
@ApplicationScoped
public class TenantRegistry {

    private final EntityManager em;
    private final ApiKeys apiKeys;
    private final TenantScope tenantScope;
    private final TenancyChanges changes;

    TenantRegistry(EntityManager em, ApiKeys apiKeys, TenantScope tenantScope, TenancyChanges changes) {
        this.em = em;
        this.apiKeys = apiKeys;
        this.tenantScope = tenantScope;
        this.changes = changes;
    }

    /** Registers a tenant and issues its first API key, atomically. */
    @Transactional
    public CreatedTenant register(NewTenant request) {
        TenantId id = request.tenantId();
        if (em.find(Tenant.class, id.value()) != null) {
            throw duplicate(id);
        }
        Tenant tenant = new Tenant(id, request.name(), Rows.now());
        try {
            em.persist(tenant);
            em.flush();
        } catch (PersistenceException e) {
            if (Rows.violates(e, "tenants_pk")) {
                throw duplicate(id);
            }
            throw e;
        }
        return new CreatedTenant(tenant.info(), tenantScope.call(id, apiKeys::issue));
    }

    @Transactional
    public List<TenantInfo> list() {
        return em.createQuery("from Tenant order by id", Tenant.class).getResultStream().map(Tenant::info).toList();
    }

    @Transactional
    public TenantInfo get(TenantId id) {
        return find(id).info();
    }

    @Transactional
    public TenantInfo changeStatus(TenantId id, TenantStatus status) {
        Tenant tenant = find(id);
        tenant.changeStatus(status, Rows.now());
        changes.tenantChanged(id);
        return tenant.info();
    }

    private Tenant find(TenantId id) {
        Tenant tenant = em.find(Tenant.class, id.value());
        if (tenant == null) {
            throw new NotFoundException("tenant", id);
        }
        return tenant;
    }

    private static ConflictException duplicate(TenantId id) {
        return new ConflictException("A tenant with id '" + id + "' already exists.");
    }
}
