package dev.palisade.api.settings;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonRawValue;

import dev.palisade.tenancy.settings.SettingEntry;

/**
 * A setting as clients see it (a "config" in the REST API: {@code /configs/{key}}); {@code value} is the stored JSON,
 * emitted as is. The OpenAPI component keeps its published name, so generated clients do not change.
 */
@Schema(name = "ConfigView")
public record SettingView(String key, @JsonRawValue String value, Instant createdAt, Instant updatedAt, long version) {

    static SettingView of(SettingEntry entry) {
        return new SettingView(entry.key(), entry.json(), entry.createdAt(), entry.updatedAt(), entry.version());
    }
}
