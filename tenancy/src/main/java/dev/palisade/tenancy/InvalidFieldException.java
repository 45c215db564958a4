package dev.palisade.tenancy;

/**
 * A request field with a value the platform does not accept. Extends {@link IllegalArgumentException} so that it can
 * be thrown from the compact constructor of a request record and still reach the client naming the field.
 */
public class InvalidFieldException extends IllegalArgumentException {

    private final String field;

    public InvalidFieldException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The offending field, as the client named it. */
    public String field() {
        return field;
    }

    /** Rejects {@code null} or blank text, text longer than {@code max}, and control characters (NUL included). */
    public static String requireText(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new InvalidFieldException(field, "Field '" + field + "' is required and must not be blank.");
        }
        if (value.length() > max) {
            throw new InvalidFieldException(field, "Field '" + field + "' must be at most " + max
                    + " characters, but has " + value.length() + ".");
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidFieldException(field, "Field '" + field + "' must not contain control characters.");
        }
        return value;
    }
}
