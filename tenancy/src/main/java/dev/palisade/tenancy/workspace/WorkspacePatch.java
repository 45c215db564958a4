package dev.palisade.tenancy.workspace;

import dev.palisade.tenancy.InvalidFieldException;

/** A partial update: each field left out (null) keeps its value. */
public record WorkspacePatch(String name, String slug) {

    public WorkspacePatch {
        if (name != null) {
            InvalidFieldException.requireText("name", name, 200);
        }
        if (slug != null) {
            Slugs.require(slug);
        }
    }
}
