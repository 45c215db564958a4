package dev.palisade.events;

import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * An event to append. Its {@code eventId} makes appends idempotent: retrying an append with the same ids returns the
 * original result and writes nothing. {@code data} and {@code metadata} must be JSON objects; {@code type} is 1 to 200
 * letters, digits or {@code . _ : -}, starting with a letter.
 *
 * <pre>{@code
 * NewEvent placed = NewEvent.of("OrderPlaced", json.createObjectNode().put("total", 42));
 * NewEvent retried = NewEvent.withId(knownId, "OrderPlaced", data, metadata);
 * }</pre>
 *
 * Field names in validation errors are relative to the event ({@code type}, {@code data.customer}).
 */
public record NewEvent(UUID eventId, String type, JsonNode data, JsonNode metadata) {

    private static final Pattern TYPE = Pattern.compile("^[A-Za-z][A-Za-z0-9._:-]{0,199}$");

    public NewEvent {
        Objects.requireNonNull(eventId, "eventId");
        type = requireType("type", type);
        data = requireObject("data", data);
        metadata = metadata == null || metadata.isNull()
                ? JsonNodeFactory.instance.objectNode()
                : requireObject("metadata", metadata);
    }

    /** A new event with a generated id, and no metadata. */
    public static NewEvent of(String type, JsonNode data) {
        return new NewEvent(UUID.randomUUID(), type, data, null);
    }

    /** A new event with a generated id. */
    public static NewEvent of(String type, JsonNode data, JsonNode metadata) {
        return new NewEvent(UUID.randomUUID(), type, data, metadata);
    }

    /** An event with a client-chosen id, so that a retry of the append is recognised. */
    public static NewEvent withId(UUID eventId, String type, JsonNode data, JsonNode metadata) {
        return new NewEvent(eventId, type, data, metadata);
    }

    /** Validates an event type (also used for type filters); returns it unchanged. */
    static String requireType(String field, String type) {
        if (type == null || !TYPE.matcher(type).matches()) {
            throw new InvalidEventException(field, "must be 1 to 200 letters, digits or . _ : -, starting with a "
                    + "letter; found " + EventText.describe(type) + ".");
        }
        return type;
    }

    private static JsonNode requireObject(String field, JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new InvalidEventException(field, "must be a JSON object; found " + EventText.kindOf(node) + ".");
        }
        EventText.requireStorable(field, node);
        return node;
    }
}
