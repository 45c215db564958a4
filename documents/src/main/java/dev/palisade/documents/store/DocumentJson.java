package dev.palisade.documents.store;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Document data between its stored text and its tree. */
@ApplicationScoped
class DocumentJson {

    private final ObjectMapper mapper;

    DocumentJson(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    JsonNode read(String json) {
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored jsonb is always valid JSON", e);
        }
    }

    String write(JsonNode data) {
        try {
            return mapper.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }
}
