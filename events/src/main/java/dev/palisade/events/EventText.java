package dev.palisade.events;

import com.fasterxml.jackson.databind.JsonNode;

import dev.palisade.tenancy.Storable;

/**
 * The event store's side of {@link Storable}, the one rule for what PostgreSQL stores exactly as sent: a flaw becomes
 * an {@link InvalidEventException} naming the field.
 */
final class EventText {

    private EventText() {
    }

    /** Throws {@link InvalidEventException} for {@code field} unless every key, string and number in it is storable. */
    static void requireStorable(String field, JsonNode node) {
        Storable.flaw(node).ifPresent(flaw -> {
            throw new InvalidEventException(flaw.within(field), flaw.reason());
        });
    }

    /** A value as it may appear in a message (see {@link Storable#describe(String)}). */
    static String describe(String value) {
        return Storable.describe(value);
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
