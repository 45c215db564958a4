package dev.palisade.tenancy.workspace;

import java.util.regex.Pattern;

import dev.palisade.tenancy.InvalidFieldException;

final class Slugs {

    private static final Pattern FORMAT = Pattern.compile("^[a-z0-9][a-z0-9-]{0,62}$");

    private Slugs() {
    }

    static String require(String slug) {
        if (slug == null || !FORMAT.matcher(slug).matches()) {
            throw new InvalidFieldException("slug",
                    "Field 'slug' must be 1 to 63 lower-case letters, digits or hyphens, starting with a letter or digit.");
        }
        return slug;
    }
}
