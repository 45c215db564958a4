package dev.palisade.documents.collection;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One declared collection, the same for every tenant.
 *
 * @param name the collection's name, matching {@link CollectionsFile#NAME}
 * @param schema its JSON Schema (draft 2020-12), or {@code null} when it accepts any JSON object
 * @param indexes its declared indexes
 * @param retiredIndexes names of indexes it declared before, to be dropped (the contract step of a removal)
 * @param references its fields that hold ids of other collections' documents
 */
public record CollectionDeclaration(String name, JsonNode schema, List<DeclaredIndex> indexes,
        List<String> retiredIndexes, List<Reference> references) {

    public CollectionDeclaration {
        indexes = List.copyOf(indexes);
        retiredIndexes = List.copyOf(retiredIndexes);
        references = List.copyOf(references);
    }

    /** Whether documents are checked against a schema. */
    public boolean hasSchema() {
        return schema != null;
    }
}
