package dev.palisade.api.settings;

import com.fasterxml.jackson.databind.JsonNode;

import dev.palisade.tenancy.InvalidFieldException;
import dev.palisade.tenancy.Storable;

/** The body of a config write: {@code {"value": <any JSON>}}, every key, string and number of it storable. */
public record SettingBody(JsonNode value) {

    public SettingBody {
        if (value == null || value.isMissingNode()) {
            throw InvalidFieldException.of("value", "is required (any JSON, null included).");
        }
        Storable.flaw(value).ifPresent(flaw -> {
            throw InvalidFieldException.of(flaw.within("value"), flaw.reason());
        });
    }
}
