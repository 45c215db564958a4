package dev.palisade.documents.store;

import dev.palisade.documents.collection.DeclaredIndex;
import dev.palisade.tenancy.TenancyException;

/**
 * A write that would give two documents of this tenant the same values of a unique index; nothing was stored. Only
 * the tenant's own documents count: another tenant's values never conflict, and are never named.
 */
public class UniqueViolationException extends TenancyException {

    private final DeclaredIndex index;

    public UniqueViolationException(DeclaredIndex index) {
        super("Another document of collection '" + index.collection() + "' already has the same " + index.fieldList()
                + " (unique index '" + index.name() + "').");
        this.index = index;
    }

    /** The unique index that refused the write. */
    public DeclaredIndex index() {
        return index;
    }
}
