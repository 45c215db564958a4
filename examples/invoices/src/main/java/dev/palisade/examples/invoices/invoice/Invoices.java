package dev.palisade.examples.invoices.invoice;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import dev.palisade.examples.invoices.customer.Customers;
import dev.palisade.tenancy.ConflictException;
import dev.palisade.tenancy.NotFoundException;
import dev.palisade.tenancy.session.Rows;

/** The current tenant's invoices: business operations over the {@link Invoice} active record. */
@ApplicationScoped
public class Invoices {

    private final Customers customers;

    Invoices(Customers customers) {
        this.customers = customers;
    }

    @Transactional
    public InvoiceView issue(NewInvoice request) {
        Invoice invoice = new Invoice();
        invoice.id = UUID.randomUUID();
        invoice.customer = customers.require(request.customerId());
        invoice.customerId = invoice.customer.id;
        invoice.number = request.number();
        invoice.amountCents = request.amountCents();
        invoice.status = InvoiceStatus.OPEN;
        invoice.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        try {
            invoice.persistAndFlush();
        } catch (PersistenceException e) {
            if (Rows.violates(e, "invoices_number_uk")) {
                throw new ConflictException("An invoice numbered '" + request.number() + "' exists already.");
            }
            throw e;
        }
        return InvoiceView.of(invoice);
    }

    @Transactional
    public List<InvoiceView> list(InvoiceStatus status) {
        List<Invoice> invoices = status == null
                ? Invoice.list("order by createdAt desc, id")
                : Invoice.withStatus(status);
        return invoices.stream().map(InvoiceView::of).toList();
    }

    @Transactional
    public InvoiceView get(UUID id) {
        return InvoiceView.of(require(id));
    }

    /** Marks an open invoice paid; paying it twice is a conflict. */
    @Transactional
    public InvoiceView pay(UUID id) {
        Invoice invoice = require(id);
        if (invoice.status == InvoiceStatus.PAID) {
            throw new ConflictException("Invoice '" + id + "' is paid already.");
        }
        invoice.status = InvoiceStatus.PAID;
        Invoice.flush();
        return InvoiceView.of(invoice);
    }

    @Transactional
    public void delete(UUID id) {
        require(id).delete();
    }

    private static Invoice require(UUID id) {
        return Invoice.<Invoice>findByIdOptional(id).orElseThrow(() -> new NotFoundException("invoice", id));
    }
}
