package dev.palisade.examples.invoices.invoice;

import java.util.UUID;

import dev.palisade.tenancy.InvalidFieldException;

/** A request to invoice a customer: its id, an invoice number unique in the tenant, and a positive amount. */
public record NewInvoice(UUID customerId, String number, Long amountCents) {

    public NewInvoice {
        if (customerId == null) {
            throw new InvalidFieldException("customerId", "Field 'customerId' (a customer's id) is required.");
        }
        InvalidFieldException.requireText("number", number, 40);
        if (amountCents == null || amountCents <= 0) {
            throw new InvalidFieldException("amountCents", "Field 'amountCents' must be a whole number above 0.");
        }
    }
}
