package dev.palisade.api;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithParentName;

/** The admin API key ({@code palisade.admin-key}, from {@code PALISADE_ADMIN_KEY}). */
@ConfigMapping(prefix = "palisade.admin-key")
public interface AdminKeyConfig {

    /** The key; required in production, at least 24 characters; dev and test profiles have fixed keys. */
    @WithParentName
    Optional<String> value();
}
