package dev.palisade.tenancy.settings;

import java.util.Optional;
import java.util.UUID;

/** Where a config lives: the tenant itself, or one of its workspaces. */
public record SettingScope(Optional<UUID> workspace) {

    public static SettingScope tenant() {
        return new SettingScope(Optional.empty());
    }

    public static SettingScope workspace(UUID id) {
        return new SettingScope(Optional.of(id));
    }
}
