package dev.palisade.examples.invoices.customer;

import java.time.Instant;
import java.util.UUID;

/** A customer as the API shows it. */
public record CustomerView(UUID id, String name, Instant createdAt) {

    static CustomerView of(Customer c) {
        return new CustomerView(c.id, c.name, c.createdAt);
    }
}
