package dev.palisade.documents.store;

/**
 * The outcome of one write.
 *
 * @param document the document as stored
 * @param created whether the write created it (rather than replaced it)
 */
public record Written(Document document, boolean created) {
}
