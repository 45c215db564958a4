package dev.palisade.documents.store;

import java.util.List;

import dev.palisade.documents.collection.Violation;
import dev.palisade.tenancy.TenancyException;

/** A write that breaks its collection's rules; nothing was stored. Lists every violation found. */
public class DocumentInvalidException extends TenancyException {

    private final List<Violation> violations;

    public DocumentInvalidException(String collection, List<Violation> violations) {
        super("The document does not conform to collection '" + collection + "': " + violations.size()
                + (violations.size() == 1 ? " violation" : " violations") + " (see 'violations').");
        this.violations = List.copyOf(violations);
    }

    /** What is wrong, each with its JSON pointer into the request body and the rule broken. */
    public List<Violation> violations() {
        return violations;
    }
}
