package dev.palisade.api.documents;

import com.fasterxml.jackson.databind.JsonNode;

import dev.palisade.tenancy.InvalidFieldException;

/**
 * The body of a create, replace or merge-patch: {@code {"data": {...}}}. For a merge patch it is the patch of the
 * document's representation (RFC 7396), so {@code data} holds the patch of the data; nothing else is writable.
 */
public record DocumentBody(JsonNode data) {

    public DocumentBody {
        if (data == null || data.isMissingNode() || data.isNull()) {
            throw InvalidFieldException.of("data", "is required: the document's JSON object.");
        }
    }
}
