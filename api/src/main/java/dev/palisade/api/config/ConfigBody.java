package dev.palisade.api.config;

import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import dev.palisade.tenancy.InvalidFieldException;

/** The body of a config write: {@code {"value": <any JSON>}}. */
public record ConfigBody(JsonNode value) {

    public ConfigBody {
        if (value == null || value.isMissingNode()) {
            throw new InvalidFieldException("value", "Field 'value' is required (any JSON, null included).");
        }
        requireStorable(value, "value");
    }

    /** PostgreSQL's jsonb cannot hold the NUL character; say so instead of failing in the database. */
    static void requireStorable(JsonNode node, String path) {
        if (node.isTextual() && node.textValue().indexOf('\u0000') >= 0) {
            throw new InvalidFieldException(path, "Field '" + path + "' contains \\u0000, which cannot be stored.");
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                requireStorable(node.get(i), path + "[" + i + "]");
            }
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> field = it.next();
                if (field.getKey().indexOf('\u0000') >= 0) {
                    throw new InvalidFieldException(path, "A key inside '" + path + "' contains \\u0000.");
                }
                requireStorable(field.getValue(), path + "." + field.getKey());
            }
        }
    }
}
