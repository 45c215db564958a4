package dev.palisade.tenancy;

import java.util.regex.Pattern;

/**
 * The identity of a tenant: 2 to 63 characters of lower-case letters, digits and hyphens, starting with a letter or
 * digit. The same rule is a check constraint on {@code tenants.id}.
 *
 * <pre>{@code
 * TenantId acme = TenantId.of("acme");
 * }</pre>
 */
public record TenantId(String value) {

    /** The form of a tenant id: lower-case letters, digits and dashes, 2 to 63 long, not starting with a dash. */
    public static final String PATTERN = "^[a-z0-9][a-z0-9-]{1,62}$";

    private static final Pattern FORMAT = Pattern.compile(PATTERN);

    public TenantId {
        if (!isValid(value)) {
            throw new InvalidTenantIdException(value);
        }
    }

    public static TenantId of(String value) {
        return new TenantId(value);
    }

    /** Whether a string is a well-formed tenant id; never throws. */
    public static boolean isValid(String value) {
        return value != null && FORMAT.matcher(value).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
