package dev.palisade.api.documents;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import dev.palisade.documents.collection.CollectionDeclaration;
import dev.palisade.documents.collection.DeclaredIndex;
import dev.palisade.documents.collection.IndexField;

/** A declared collection as {@code GET /collections} shows it, with this tenant's document count. */
public record CollectionView(String name, JsonNode schema, List<IndexView> indexes, List<ReferenceView> references,
        long count) {

    /** A declared index: its fields with their types, and whether it is unique (per tenant). */
    public record IndexView(String name, List<FieldView> fields, boolean unique) {
    }

    /** An indexed field. */
    public record FieldView(String path, String type) {
    }

    /** A field holding the id of a document of another collection. */
    public record ReferenceView(String field, String collection) {
    }

    static CollectionView of(CollectionDeclaration c, long count) {
        return new CollectionView(c.name(), c.schema(), c.indexes().stream().map(CollectionView::index).toList(),
                c.references().stream().map(r -> new ReferenceView(r.field(), r.collection())).toList(), count);
    }

    private static IndexView index(DeclaredIndex i) {
        return new IndexView(i.name(), i.fields().stream().map(CollectionView::field).toList(), i.unique());
    }

    private static FieldView field(IndexField f) {
        return new FieldView(f.path(), f.type().label());
    }
}
