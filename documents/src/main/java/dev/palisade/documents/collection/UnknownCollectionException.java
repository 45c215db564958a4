package dev.palisade.documents.collection;

import java.util.Optional;

import dev.palisade.tenancy.Storable;
import dev.palisade.tenancy.TenancyException;

/** A request named a collection the collections file does not declare; {@link #suggestion()} is the closest one. */
public class UnknownCollectionException extends TenancyException {

    private final String collection;
    private final String suggestion;

    public UnknownCollectionException(String collection, Optional<String> suggestion) {
        super("No collection " + Storable.describe(collection) + " is declared" + suggestion.map(s -> "; did you mean '"
                + s + "'?").orElse("; GET /collections lists the declared ones."));
        this.collection = collection;
        this.suggestion = suggestion.orElse(null);
    }

    /** The name as requested. */
    public String collection() {
        return collection;
    }

    /** The closest declared name, or empty. */
    public Optional<String> suggestion() {
        return Optional.ofNullable(suggestion);
    }
}
