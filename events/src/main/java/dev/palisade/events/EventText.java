package dev.palisade.events;

import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Checks that text can be stored by PostgreSQL ({@code text} and {@code jsonb} reject U+0000 and unpaired
 * surrogates), so that such input is a named-field error rather than a database failure.
 */
final class EventText {

    private EventText() {
    }

    /** Throws {@link InvalidEventException} for {@code field} unless every key and string in {@code node} is storable. */
    static void requireStorable(String field, JsonNode node) {
        if (node.isTextual()) {
            requireStorable(field, node.textValue());
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                requireStorable(field + "[" + i + "]", node.get(i));
            }
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> member = it.next();
                requireStorable(field + " (a key)", member.getKey());
                requireStorable(field + "." + member.getKey(), member.getValue());
            }
        }
    }

    static void requireStorable(String field, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                throw new InvalidEventException(field, "contains the character U+0000, which PostgreSQL cannot "
                        + "store; expected text without it.");
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new InvalidEventException(field, "contains an unpaired UTF-16 surrogate (U+"
                        + Integer.toHexString(c).toUpperCase() + "); expected valid Unicode text.");
            }
        }
    }

    /** A value as it may appear in a message: quoted when short and printable, otherwise summarised. */
    static String describe(String value) {
        if (value == null) {
            return "nothing";
        }
        if (value.isEmpty()) {
            return "an empty string";
        }
        if (value.length() > 80) {
            return "a " + value.length() + "-character value";
        }
        return "'" + value.replaceAll("[^\\x20-\\x7e]", "?") + "'";
    }

    /** A JSON node's kind, for messages: "an array", "a string", "null"... */
    static String kindOf(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> "a " + node.getNodeType().name().toLowerCase();
        };
    }
}
