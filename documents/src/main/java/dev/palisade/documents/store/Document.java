package dev.palisade.documents.store;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A document as it reads: {@code {id, data, version, createdAt, updatedAt}}.
 *
 * @param id its id, unique within its collection and tenant
 * @param data its JSON object
 * @param version its version, the ETag of every answer; every change increments it
 * @param createdAt when it was created
 * @param updatedAt when its data last changed
 */
public record Document(String id, JsonNode data, long version, Instant createdAt, Instant updatedAt) {
}
