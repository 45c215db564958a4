package dev.palisade.api.events;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** One event of an {@link AppendBody}; {@code eventId} is generated when absent, {@code metadata} defaults to {}. */
@RegisterForReflection
record EventBody(String eventId, String type, JsonNode data, JsonNode metadata) {
}
