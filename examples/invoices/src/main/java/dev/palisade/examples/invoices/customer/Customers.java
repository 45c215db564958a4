package dev.palisade.examples.invoices.customer;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import dev.palisade.tenancy.NotFoundException;

/** The current tenant's customers. No tenant appears here: the entity and the platform keep to it. */
@ApplicationScoped
public class Customers {

    private final CustomerRepository repository;

    Customers(CustomerRepository repository) {
        this.repository = repository;
    }

    @Transactional
    public CustomerView add(NewCustomer request) {
        Customer customer = new Customer();
        customer.id = UUID.randomUUID();
        customer.name = request.name();
        customer.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        repository.persist(customer);
        return CustomerView.of(customer);
    }

    @Transactional
    public List<CustomerView> list() {
        return repository.listAll().stream().map(CustomerView::of).toList();
    }

    @Transactional
    public CustomerView get(UUID id) {
        return CustomerView.of(require(id));
    }

    /** The current tenant's customer, or {@link NotFoundException} (another tenant's customer is not found too). */
    public Customer require(UUID id) {
        return repository.findByIdOptional(id).orElseThrow(() -> new NotFoundException("customer", id));
    }
}
