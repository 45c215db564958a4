package dev.palisade.tenancy.workspace;

import dev.palisade.tenancy.InvalidFieldException;

/** A workspace to create: a name of 1 to 200 characters and a slug unique within the tenant. */
public record NewWorkspace(String name, String slug) {

    public NewWorkspace {
        InvalidFieldException.requireText("name", name, 200);
        Slugs.require(slug);
    }
}
