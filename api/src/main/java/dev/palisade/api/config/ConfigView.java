package dev.palisade.api.config;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonRawValue;

import dev.palisade.tenancy.config.ConfigEntry;

/** A config as clients see it; {@code value} is the stored JSON, emitted as is. */
public record ConfigView(String key, @JsonRawValue String value, Instant createdAt, Instant updatedAt, long version) {

    static ConfigView of(ConfigEntry entry) {
        return new ConfigView(entry.key(), entry.json(), entry.createdAt(), entry.updatedAt(), entry.version());
    }
}
