package dev.palisade.documents.collection;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/** Where the declared collections come from ({@code palisade.collections.*}). */
@ConfigMapping(prefix = "palisade.collections")
public interface CollectionsConfig {

    /**
     * The collections file: a path ({@code /etc/palisade/collections.yaml}, mounted from a ConfigMap) or
     * {@code classpath:name}. Unset, no collection is declared and every collection request is a 404.
     */
    Optional<String> file();

}
