package dev.palisade.api;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the HTTP service ({@code palisade.http.*}). */
@ConfigMapping(prefix = "palisade.http")
public interface HttpConfig {

    /**
     * The largest request body, the one body limit of the HTTP layer: a larger declared Content-Length is a 413 before
     * any byte is read, and {@code quarkus.http.limits.max-body-size} is set to the same value for bodies sent without
     * one.
     */
    @WithDefault("5M")
    MemorySize maxBodySize();

    /** Whether this process is the migration Job ({@code QUARKUS_INIT_AND_EXIT=true}), which serves no request. */
    @WithDefault("${quarkus.init-and-exit:false}")
    boolean migrationOnly();
}
