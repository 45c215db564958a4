package dev.palisade.tenancy;

/** The request conflicts with the current state (a duplicate id or slug). */
public class ConflictException extends TenancyException {

    public ConflictException(String message) {
        super(message);
    }
}
