package dev.palisade.api.events;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The request body of {@code POST /streams/{streamId}/events}: {@code expectedVersion} is "any", "no_stream",
 * "exists" or a number. Registered for reflection because it is parsed from bytes, outside what Quarkus sees in the
 * resource signature.
 */
@RegisterForReflection
record AppendBody(JsonNode expectedVersion, List<EventBody> events) {
}
