package dev.palisade.documents.store;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits of documents ({@code palisade.documents.*}). */
@ConfigMapping(prefix = "palisade.documents")
public interface DocumentsConfig {

    /** The largest document: its data, as compact JSON in UTF-8. */
    @WithDefault("1M")
    MemorySize maxSize();

    /** The deepest nesting of objects and arrays in a document's data (the data object itself is depth 1). */
    @WithDefault("64")
    int maxDepth();

    /** Most documents in one bulk write. */
    @WithDefault("1000")
    int maxBulk();
}
