package dev.palisade.api.events;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import dev.palisade.events.AppendCommand;
import dev.palisade.events.AppendLimitExceededException;
import dev.palisade.events.EventStoreConfig;
import dev.palisade.events.ExpectedVersion;
import dev.palisade.events.InvalidEventException;
import dev.palisade.events.NewEvent;
import dev.palisade.events.StreamId;
import dev.palisade.tenancy.Storable;

/** Reads the event endpoints' bodies, query parameters and headers into the store's commands. */
@ApplicationScoped
class EventRequests {

    private final ObjectReader appendReader;
    private final long maxBodyBytes;

    EventRequests(ObjectMapper json, EventStoreConfig config) {
        // The service's mapper reads decimals exactly (StrictJsonMapper): event data is stored as sent.
        this.appendReader = json.readerFor(AppendBody.class);
        this.maxBodyBytes = config.maxAppendSize().asLongValue();
    }

    /** The append command of a request body; Jackson's own failures surface as the JSON problems they are. */
    AppendCommand append(String streamId, byte[] body) throws IOException {
        if (body.length > maxBodyBytes) {
            throw new AppendLimitExceededException("bytes", maxBodyBytes, body.length);
        }
        StreamId stream = StreamId.of(streamId);
        AppendBody request = read(body);
        if (request == null) {
            throw new InvalidEventException("events", "must hold at least one event; found an empty body.");
        }
        List<NewEvent> events = new ArrayList<>();
        List<EventBody> bodies = request.events() == null ? List.of() : request.events();
        for (int i = 0; i < bodies.size(); i++) {
            events.add(event(bodies.get(i), "events[" + i + "]"));
        }
        return AppendCommand.to(stream, expectedVersion(request.expectedVersion()), events);
    }

    private AppendBody read(byte[] body) throws IOException {
        try {
            return appendReader.readValue(body);
        } catch (JsonMappingException e) {
            // Jackson wraps a syntax error met inside a nested value; report it as the syntax error it is.
            if (e.getCause() instanceof JsonParseException syntax) {
                throw syntax;
            }
            throw e;
        }
    }

    private static NewEvent event(EventBody body, String field) {
        if (body == null) {
            throw new InvalidEventException(field, "must be an event object; found null.");
        }
        try {
            UUID id = body.eventId() == null ? UUID.randomUUID() : uuid(body.eventId());
            return NewEvent.withId(id, body.type(), body.data(), body.metadata());
        } catch (InvalidEventException e) {
            throw e.within(field);
        }
    }

    private static UUID uuid(String text) {
        try {
            if (text.length() == 36) {
                return UUID.fromString(text);
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new InvalidEventException("eventId", "must be a UUID like 3f2b5a8e-0c1d-4e7f-9a6b-2d4c8e1f0a3b; found "
                + Storable.describe(text) + ".");
    }

    private static ExpectedVersion expectedVersion(JsonNode node) {
        if (node == null || node.isNull()) {
            return ExpectedVersion.any();
        }
        if (node.isIntegralNumber() && node.canConvertToLong() && node.longValue() >= 0) {
            return ExpectedVersion.exactly(node.longValue());
        }
        if (node.isTextual()) {
            return ExpectedVersion.parse(node.textValue());
        }
        throw new InvalidEventException("expectedVersion", "must be \"any\", \"no_stream\", \"exists\" or a version "
                + "of 0 or more; found " + node + ".");
    }

    /** A non-negative whole-number query parameter, or {@code otherwise} when absent. */
    static long number(String field, String text, long otherwise) {
        if (text == null || text.isEmpty()) {
            return otherwise;
        }
        if (!text.matches("[0-9]{1,18}")) {
            String found = Storable.describe(text);
            throw new InvalidEventException(field, "must be a whole number of 0 or more; found " + found + ".");
        }
        return Long.parseLong(text);
    }

    /** A limit query parameter: 1 to {@code max}. */
    static int limit(String text, int otherwise, int max) {
        long limit = number("limit", text, otherwise);
        if (limit < 1 || limit > max) {
            throw new InvalidEventException("limit", "must be between 1 and " + max + "; found " + limit + ".");
        }
        return (int) limit;
    }

    /** Types from repeated and comma-separated {@code type} parameters. */
    static Set<String> types(List<String> parameters) {
        Set<String> types = new LinkedHashSet<>();
        if (parameters != null) {
            for (String parameter : parameters) {
                for (String type : parameter.split(",", -1)) {
                    if (!type.isBlank()) {
                        types.add(type.trim());
                    }
                }
            }
        }
        return types;
    }

    /** An ISO-8601 instant ({@code 2026-01-31T12:00:00Z}), or null when absent. */
    static Instant instant(String field, String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidEventException(field, "must be an ISO-8601 instant like 2026-01-31T12:00:00Z; found "
                    + Storable.describe(text) + ".");
        }
    }
}
