package dev.palisade.documents.store;

import java.util.OptionalLong;

/**
 * What a write expects of the document it writes: nothing, that it does not exist ({@code If-None-Match: *}), or
 * that it is at a version ({@code If-Match}).
 *
 * @param mustNotExist only create
 * @param version the expected version, or {@code -1} for any
 */
public record Precondition(boolean mustNotExist, long version) {

    public Precondition {
        if (mustNotExist && version >= 0) {
            throw new IllegalArgumentException("a write expects either no document or a version, not both");
        }
    }

    public static Precondition none() {
        return new Precondition(false, -1);
    }

    public static Precondition absent() {
        return new Precondition(true, -1);
    }

    public static Precondition version(long version) {
        return new Precondition(false, version);
    }

    /** From HTTP: {@code If-None-Match: *} and an optional {@code If-Match} version. */
    public static Precondition of(boolean ifNoneMatchAny, OptionalLong ifMatch) {
        if (ifNoneMatchAny && ifMatch.isPresent()) {
            throw new dev.palisade.tenancy.InvalidFieldException("If-Match",
                    "Send either 'If-None-Match: *' (create only) or 'If-Match' (replace that version), not both.");
        }
        return ifNoneMatchAny ? absent() : ifMatch.isPresent() ? version(ifMatch.getAsLong()) : none();
    }

    boolean expectsVersion() {
        return version >= 0;
    }
}
