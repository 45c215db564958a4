package dev.palisade.documents.collection;

/**
 * A declared reference: the field {@code field} of a document holds the id of a document in {@code collection} (of the
 * same tenant). The query language's {@code include} follows it.
 *
 * @param field the dotted path of the field that holds the id
 * @param collection the collection the id belongs to
 */
public record Reference(String field, String collection) {
}
