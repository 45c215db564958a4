package dev.palisade.tenancy;

/**
 * A request field with a value the platform does not accept; {@link #field()} names it as the client did. Thrown from
 * the compact constructors of request records too: the JSON layer unwraps it and still reports the field.
 */
public class InvalidFieldException extends TenancyException {

    private final String field;

    public InvalidFieldException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The problem {@code reason} (a predicate such as "must not be blank.") of {@code field}. */
    public static InvalidFieldException of(String field, String reason) {
        return new InvalidFieldException(field, "Field '" + field + "' " + reason);
    }

    /** The offending field, as the client named it. */
    public String field() {
        return field;
    }

    /**
     * Rejects {@code null} or blank text, text longer than {@code max}, control characters, and text that
     * {@link Storable} would not store exactly as sent.
     */
    public static String requireText(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw of(field, "is required and must not be blank.");
        }
        if (value.length() > max) {
            throw of(field, "must be at most " + max + " characters, but has " + value.length() + ".");
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw of(field, "must not contain control characters.");
        }
        Storable.flaw(value).ifPresent(reason -> {
            throw of(field, reason);
        });
        return value;
    }
}
