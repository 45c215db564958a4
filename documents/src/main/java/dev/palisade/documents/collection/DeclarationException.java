package dev.palisade.documents.collection;

/**
 * The collections file is invalid: the service and the migration Job refuse to start. The message names the file, the
 * line and what is wrong: {@code collections.yaml:12: collection 'Orders': the name must match ...}.
 */
public class DeclarationException extends RuntimeException {

    public DeclarationException(String file, int line, String problem) {
        super(file + (line > 0 ? ":" + line : "") + ": " + problem);
    }
}
