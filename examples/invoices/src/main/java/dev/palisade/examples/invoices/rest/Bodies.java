package dev.palisade.examples.invoices.rest;

import dev.palisade.tenancy.InvalidFieldException;

/** Request bodies are required where an operation takes one. */
final class Bodies {

    private Bodies() {
    }

    static <T> T required(T body) {
        if (body == null) {
            throw new InvalidFieldException("body", "A JSON request body is required.");
        }
        return body;
    }
}
