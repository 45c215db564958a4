package dev.palisade.examples.invoices.invoice;

/** Where an invoice is in its life. */
public enum InvoiceStatus {
    OPEN, PAID
}
