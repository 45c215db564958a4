package dev.palisade.tenancy.panache;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;

import org.hibernate.annotations.Filter;
import org.hibernate.annotations.PartitionKey;

import dev.palisade.tenancy.TenantId;
import dev.palisade.tenancy.filter.TenantFilter;
import dev.palisade.tenancy.filter.TenantScopedEntity;

/**
 * A tenant-scoped Panache active record: extend it, map your table, your own {@code @Id} and your fields, and every
 * Panache operation keeps to the current tenant.
 *
 * <pre>{@code
 * @Entity
 * @Table(name = "invoices")
 * public class Invoice extends TenantPanacheEntity {
 *     @Id public UUID id = UUID.randomUUID();
 *     public String status;
 * }
 *
 * Invoice.find("status", "open").list();   // the current tenant's open invoices
 * Invoice.findById(id);                      // null for another tenant's id
 * new Invoice().persist();                   // stamped with the current tenant
 * }</pre>
 *
 * <ul>
 * <li>Queries, counts, loads by id and to-one associations carry the tenant filter ({@code tenant_id = :tenantId};
 * with no tenant set it matches nothing).</li>
 * <li>An insert is stamped with the current tenant; an insert, update or delete with no tenant set, or of another
 * tenant's row, is refused ({@code NoTenantException}, {@code TenantMismatchException}). {@code tenant_id} is never
 * written after the insert.</li>
 * <li>{@code tenant_id} is the entity's {@link PartitionKey}: Hibernate names it in every {@code UPDATE} and
 * {@code DELETE} beside the id, so the row's tenant is in every statement even though {@code findById} takes only
 * your id. The table's primary key is {@code (tenant_id, id)} (see {@code schema/README.md}).</li>
 * <li>Row-level security needs nothing from the entity: the platform binds every transaction to its tenant.</li>
 * </ul>
 * A repository is a plain {@code PanacheRepositoryBase<Invoice, UUID>}: the rules live on the entity.
 */
@MappedSuperclass
@Filter(name = TenantFilter.NAME)
public abstract class TenantPanacheEntity extends TenantScopedEntity {

    @PartitionKey
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private String tenantId;

    @Override
    public TenantId tenant() {
        return tenantId == null ? null : TenantId.of(tenantId);
    }

    @Override
    protected void assignTenant(TenantId current) {
        this.tenantId = current.value();
    }
}
