package dev.palisade.api.json;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;

import dev.palisade.api.problem.Problem;
import dev.palisade.api.problem.ProblemException;
import dev.palisade.api.problem.ProblemType;
import dev.palisade.tenancy.Storable;

/**
 * The one definition of a request body this API accepts: a single JSON object in strict UTF-8 (no overlong or
 * otherwise malformed sequences), with no key twice in one object, nothing after the object, and every key, string
 * and number {@link Storable storable} exactly as sent. Anything else is a 400 naming the field or the position.
 * Types are checked afterwards, by the mapper ({@link StrictJsonMapper}: no scalar is coerced into another type).
 */
public final class StrictJson {

    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private StrictJson() {
    }

    /** Returns normally when {@code body} is a strict JSON object; otherwise throws the problem to answer with. */
    public static void check(byte[] body) {
        String text = decode(body);
        if (text.isBlank()) {
            throw malformed("The request body is empty; expected a JSON object.", null);
        }
        try (JsonParser parser = FACTORY.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_OBJECT) {
                throw new ProblemException(Problem.of(ProblemType.INVALID_FIELD,
                        "The request body must be a JSON object; found " + kind(first) + "."));
            }
            walk(parser);
            JsonToken after = parser.nextToken();
            if (after != null) {
                throw malformed("The request body has more after its JSON object, at "
                        + where(parser.currentTokenLocation()) + "; send exactly one JSON document.",
                        parser.currentTokenLocation());
            }
        } catch (StreamConstraintsException e) {
            throw malformed("The request body goes beyond this service's limits for JSON (a number of more than 1000 "
                    + "digits, a string of more than 20 million characters or nesting deeper than 1000) at "
                    + where(e.getLocation()) + ".", e.getLocation());
        } catch (JsonProcessingException e) {
            throw malformed("The request body is not valid JSON at " + where(e.getLocation()) + ".", e.getLocation());
        } catch (IOException e) {
            // Reading a String in memory fails only through the parser's own errors, handled above.
            throw malformed("The request body could not be read as JSON.", null);
        }
    }

    private static String decode(byte[] body) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(body);
        try {
            CharBuffer chars = decoder.decode(in);
            return chars.toString();
        } catch (MalformedInputException e) {
            throw new ProblemException(Problem.of(ProblemType.MALFORMED_JSON, "The request body is not valid UTF-8 "
                    + "at byte " + in.position() + " (malformed or overlong sequence); send JSON in UTF-8.")
                    .with("byte", in.position()));
        } catch (CharacterCodingException e) {
            throw new ProblemException(Problem.of(ProblemType.MALFORMED_JSON,
                    "The request body is not valid UTF-8; send JSON in UTF-8."));
        }
    }

    /** Walks the object the parser stands at the start of, through its end. */
    private static void walk(JsonParser parser) throws IOException {
        Deque<Set<String>> keys = new ArrayDeque<>();
        keys.push(new HashSet<>());
        while (!keys.isEmpty()) {
            JsonToken token = parser.nextToken();
            switch (token) {
                case FIELD_NAME -> {
                    String name = parser.currentName();
                    Storable.flaw(name).ifPresent(reason -> {
                        String at = path(parser.getParsingContext().getParent());
                        throw invalid((at.isEmpty() ? "(the body)" : at) + Storable.A_KEY, reason);
                    });
                    if (!keys.peek().add(name)) {
                        String field = path(parser.getParsingContext());
                        throw new ProblemException(Problem.of(ProblemType.INVALID_FIELD, "Field '" + field
                                + "' appears more than once; send each key once.").with("field", field));
                    }
                }
                case START_OBJECT -> keys.push(new HashSet<>());
                case START_ARRAY -> keys.push(Set.of());
                case END_OBJECT, END_ARRAY -> keys.pop();
                case VALUE_STRING -> check(parser, Storable.flaw(parser.getText()));
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> check(parser, number(parser));
                default -> {
                    // true, false and null are always storable
                }
            }
        }
    }

    private static Optional<String> number(JsonParser parser) throws IOException {
        BigDecimal value;
        try {
            value = parser.getDecimalValue();
        } catch (NumberFormatException e) {
            return Optional.of("is a number PostgreSQL cannot store; found " + Storable.describe(parser.getText())
                    + ".");
        }
        return Storable.flaw(value);
    }

    private static void check(JsonParser parser, Optional<String> flaw) {
        flaw.ifPresent(reason -> {
            throw invalid(path(parser.getParsingContext()), reason);
        });
    }

    private static ProblemException invalid(String field, String reason) {
        String name = field.isEmpty() ? "(the body)" : field;
        return new ProblemException(Problem.of(ProblemType.INVALID_FIELD, "Field '" + name + "' " + reason)
                .with("field", name));
    }

    /** The dotted path of the value the context stands at: {@code events[2].data.customer}. */
    private static String path(com.fasterxml.jackson.core.JsonStreamContext context) {
        StringBuilder out = new StringBuilder();
        Deque<com.fasterxml.jackson.core.JsonStreamContext> chain = new ArrayDeque<>();
        for (var c = context; c != null && !c.inRoot(); c = c.getParent()) {
            chain.push(c);
        }
        for (var c : chain) {
            if (c.inArray()) {
                out.append('[').append(Math.max(0, c.getCurrentIndex())).append(']');
            } else if (c.getCurrentName() != null) {
                if (!out.isEmpty()) {
                    out.append('.');
                }
                out.append(c.getCurrentName());
            }
        }
        return out.toString();
    }

    private static ProblemException malformed(String detail, JsonLocation location) {
        Problem problem = Problem.of(ProblemType.MALFORMED_JSON, detail);
        if (location != null && location.getLineNr() > 0) {
            problem = problem.with("line", location.getLineNr()).with("column", location.getColumnNr());
        }
        return new ProblemException(problem);
    }

    private static String where(JsonLocation location) {
        return location == null || location.getLineNr() <= 0
                ? "an unknown position"
                : "line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    private static String kind(JsonToken token) {
        if (token == null) {
            return "nothing";
        }
        return switch (token) {
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> "something else";
        };
    }
}
