package dev.palisade.examples.invoices.invoice;

import java.time.Instant;
import java.util.UUID;

/** An invoice as the API shows it. */
public record InvoiceView(UUID id, UUID customerId, String number, long amountCents, InvoiceStatus status,
        Instant createdAt, long version) {

    static InvoiceView of(Invoice i) {
        return new InvoiceView(i.id, i.customerId, i.number, i.amountCents, i.status, i.createdAt, i.version);
    }
}
