package dev.palisade.tenancy.config;

import java.util.Optional;
import java.util.UUID;

/** Where a config lives: the tenant itself, or one of its workspaces. */
public record ConfigScope(Optional<UUID> workspace) {

    public static ConfigScope tenant() {
        return new ConfigScope(Optional.empty());
    }

    public static ConfigScope workspace(UUID id) {
        return new ConfigScope(Optional.of(id));
    }
}
