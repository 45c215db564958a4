package dev.palisade.examples.invoices.customer;

import dev.palisade.tenancy.InvalidFieldException;

/** A request to add a customer: a name of 1 to 200 characters. */
public record NewCustomer(String name) {

    public NewCustomer {
        InvalidFieldException.requireText("name", name, 200);
    }
}
