package dev.palisade.api.rest;

import java.util.OptionalLong;
import java.util.UUID;

import dev.palisade.tenancy.InvalidFieldException;
import dev.palisade.tenancy.NotFoundException;

/** HTTP conventions shared by the tenant resources: version ETags, {@code If-Match}, ids in paths. */
public final class Versions {

    private Versions() {
    }

    /** The version named by an {@code If-Match} header ({@code "7"}, {@code W/"7"} or {@code 7}), if any. */
    public static OptionalLong ifMatch(String header) {
        if (header == null || header.isBlank()) {
            return OptionalLong.empty();
        }
        String value = header.trim();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        if (!value.matches("[0-9]{1,18}")) {
            throw new InvalidFieldException("If-Match", "The 'If-Match' header must name a version, like \"3\".");
        }
        return OptionalLong.of(Long.parseLong(value));
    }

    /** A UUID from a path; anything else names nothing that exists. */
    public static UUID id(String what, String value) {
        try {
            if (value != null && value.length() == 36) {
                return UUID.fromString(value);
            }
        } catch (IllegalArgumentException e) {
            // fall through
        }
        throw new NotFoundException(what, value == null ? "" : value.length() > 64 ? value.substring(0, 64) : value);
    }
}
