package dev.palisade.tenancy.settings;

import java.time.Instant;

/** A config value: {@code json} is the stored JSON text (any JSON value). */
public record SettingEntry(String key, String json, Instant createdAt, Instant updatedAt, long version) {
}
