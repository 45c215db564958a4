package dev.palisade.tenancy;

/** A tenant id that does not match {@code ^[a-z0-9][a-z0-9-]{1,62}$}. */
public class InvalidTenantIdException extends TenancyException {

    public InvalidTenantIdException(String value) {
        super("A tenant id must be 2 to 63 lower-case letters, digits or hyphens, starting with a letter or digit; got "
                + Storable.describe(value) + ".");
    }
}
