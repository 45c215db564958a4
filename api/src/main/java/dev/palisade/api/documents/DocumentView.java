package dev.palisade.api.documents;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;

import dev.palisade.documents.store.Document;

/** A document as clients see it: {@code {id, data, version, createdAt, updatedAt}}. */
public record DocumentView(String id, JsonNode data, long version, Instant createdAt, Instant updatedAt) {

    static DocumentView of(Document document) {
        return new DocumentView(document.id(), document.data(), document.version(), document.createdAt(),
                document.updatedAt());
    }
}
