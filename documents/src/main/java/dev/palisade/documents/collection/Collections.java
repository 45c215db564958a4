package dev.palisade.documents.collection;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.palisade.query.Names;
import io.quarkus.runtime.Startup;

/**
 * The declared collections, read once at start from {@code palisade.collections.file}; an invalid file stops the
 * process with a {@link DeclarationException} naming the file, the line and what is wrong.
 */
@Startup
@ApplicationScoped
public class Collections {

    private static final String CLASSPATH = "classpath:";

    private final Declarations declarations;

    Collections(CollectionsConfig config) {
        this.declarations = config.file().map(Collections::load).orElseGet(Declarations::none);
    }

    /** Everything the file declares. */
    public Declarations declarations() {
        return declarations;
    }

    /** The declared collections, in file order. */
    public List<CollectionDeclaration> all() {
        return declarations.collections();
    }

    /** The collection named {@code name}; otherwise an {@link UnknownCollectionException} with a suggestion. */
    public CollectionDeclaration require(String name) {
        return declarations.find(name).orElseThrow(() -> new UnknownCollectionException(name,
                Optional.ofNullable(Names.closest(name, all().stream().map(CollectionDeclaration::name).toList()))));
    }

    /** The compiled schema of a collection that has one. */
    public SchemaCheck schema(CollectionDeclaration collection) {
        return declarations.schemas().get(collection.name());
    }

    /** The declarations at {@code location}: a file path, or {@code classpath:name}. */
    public static Declarations load(String location) {
        if (!location.startsWith(CLASSPATH)) {
            return CollectionsFile.read(Path.of(location));
        }
        String resource = location.substring(CLASSPATH.length());
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new DeclarationException(location, 0, "no such resource on the class path.");
            }
            return CollectionsFile.parse(location, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new DeclarationException(location, 0, "the resource cannot be read.");
        }
    }
}
