package dev.palisade.documents.collection;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a collections file declares: the collections, in file order, and their compiled schemas.
 *
 * @param file where they were read from
 * @param collections the declared collections
 * @param schemas the compiled schema of each collection that has one
 */
public record Declarations(String file, List<CollectionDeclaration> collections, Map<String, SchemaCheck> schemas) {

    public Declarations {
        collections = List.copyOf(collections);
        schemas = Map.copyOf(schemas);
    }

    /** No collections at all (no file configured). */
    public static Declarations none() {
        return new Declarations("(none)", List.of(), Map.of());
    }

    /** The collection named {@code name}, if declared. */
    public Optional<CollectionDeclaration> find(String name) {
        return collections.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /** Every declared index of every collection. */
    public List<DeclaredIndex> indexes() {
        return collections.stream().flatMap(c -> c.indexes().stream()).toList();
    }
}
