package dev.palisade.examples.invoices.invoice;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinColumns;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import dev.palisade.examples.invoices.customer.Customer;
import dev.palisade.tenancy.panache.TenantPanacheEntity;

/** An invoice of one of the tenant's customers, as a Panache active record. */
@Entity
@Table(name = "invoices")
public class Invoice extends TenantPanacheEntity {

    @Id
    public UUID id;

    /** The customer's id; the column that is written. */
    @Column(name = "customer_id")
    public UUID customerId;

    /**
     * The customer, read through {@code (customer_id, tenant_id)} like the table's foreign key. The partition key is
     * part of every tenant entity's key, so a to-one association names it too; the invoice's own {@code tenant_id}
     * is the second half, and since Hibernate will not let one association mix written and read-only columns, the
     * association only reads and {@link #customerId} writes.
     */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumns({
            @JoinColumn(name = "customer_id", referencedColumnName = "id", insertable = false, updatable = false),
            @JoinColumn(name = "tenant_id", referencedColumnName = "tenant_id", insertable = false, updatable = false)})
    public Customer customer;

    public String number;

    @Column(name = "amount_cents")
    public long amountCents;

    @Enumerated(EnumType.STRING)
    public InvoiceStatus status;

    @Column(name = "created_at")
    public Instant createdAt;

    @Version
    public long version;

    /** The current tenant's invoices in this status, newest first. */
    public static List<Invoice> withStatus(InvoiceStatus status) {
        return find("status = ?1 order by createdAt desc, id", status).list();
    }
}
