package dev.palisade.tenancy.config;

import java.time.Instant;

/** A config value: {@code json} is the stored JSON text (any JSON value). */
public record ConfigEntry(String key, String json, Instant createdAt, Instant updatedAt, long version) {
}
