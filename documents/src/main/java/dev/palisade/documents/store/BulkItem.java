package dev.palisade.documents.store;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One upsert of a bulk write.
 *
 * @param id the document's id, or {@code null} to generate one
 * @param data the document's data
 * @param precondition what the item expects of the stored document
 */
public record BulkItem(String id, JsonNode data, Precondition precondition) {
}
