package dev.palisade.tenancy;

/** Base of the tenancy module's exceptions; each is mapped once to an HTTP problem by the API. */
public abstract class TenancyException extends RuntimeException {

    protected TenancyException(String message) {
        super(message);
    }
}
