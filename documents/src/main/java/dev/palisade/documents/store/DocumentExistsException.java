package dev.palisade.documents.store;

import dev.palisade.tenancy.TenancyException;

/** A create-only write ({@code If-None-Match: *}) found the document already there; nothing was written. */
public class DocumentExistsException extends TenancyException {

    private final long currentVersion;

    public DocumentExistsException(String collection, String id, long currentVersion) {
        super("Document '" + id + "' of collection '" + collection + "' already exists (version " + currentVersion
                + "); 'If-None-Match: *' only creates.");
        this.currentVersion = currentVersion;
    }

    public long currentVersion() {
        return currentVersion;
    }
}
