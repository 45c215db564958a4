package dev.palisade.api.problem;

import java.util.Collection;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

import dev.palisade.tenancy.InvalidFieldException;

/** Turns Jackson's failures to read a request body into problems that name the field and never echo internals. */
final class JsonProblems {

    private JsonProblems() {
    }

    static Problem from(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            String field = unknown.getPropertyName();
            Problem problem = Problem.of(ProblemType.UNKNOWN_FIELD, "Unknown field '" + path(unknown) + "'; known "
                    + "fields are " + known(unknown.getKnownPropertyIds()) + ".").with("field", path(unknown));
            String suggestion = closest(field, unknown.getKnownPropertyIds());
            return suggestion == null ? problem : problem.with("suggestion", suggestion);
        }
        if (e instanceof ValueInstantiationException invalid
                && invalid.getCause() instanceof InvalidFieldException cause) {
            return Problem.of(ProblemType.INVALID_FIELD, cause.getMessage()).with("field", cause.field());
        }
        if (e instanceof ValueInstantiationException invalid
                && invalid.getCause() instanceof IllegalArgumentException cause) {
            return Problem.of(ProblemType.INVALID_FIELD, cause.getMessage());
        }
        if (e instanceof InvalidFormatException format) {
            return Problem.of(ProblemType.INVALID_FIELD, "Field '" + path(format) + "' has an invalid value; expected "
                    + typeName(format.getTargetType()) + ".").with("field", path(format));
        }
        if (e instanceof MismatchedInputException mismatch) {
            String where = path(mismatch);
            String detail = where.isEmpty()
                    ? "The request body must be a JSON " + typeName(mismatch.getTargetType()) + "."
                    : "Field '" + where + "' must be " + typeName(mismatch.getTargetType()) + ".";
            return where.isEmpty()
                    ? Problem.of(ProblemType.INVALID_FIELD, detail)
                    : Problem.of(ProblemType.INVALID_FIELD, detail).with("field", where);
        }
        if (e instanceof JsonParseException parse) {
            var location = parse.getLocation();
            String at = location == null
                    ? ""
                    : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
            return Problem.of(ProblemType.MALFORMED_JSON, "The request body is not valid JSON" + at + ".");
        }
        if (e instanceof JsonMappingException mapping && !path(mapping).isEmpty()) {
            return Problem.of(ProblemType.INVALID_FIELD, "Field '" + path(mapping) + "' has an invalid value.")
                    .with("field", path(mapping));
        }
        return Problem.of(ProblemType.MALFORMED_JSON, "The request body could not be read as JSON.");
    }

    private static String path(JsonMappingException e) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!out.isEmpty()) {
                    out.append('.');
                }
                out.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.toString();
    }

    private static String typeName(Class<?> type) {
        if (type == null) {
            return "a value of another type";
        }
        if (Number.class.isAssignableFrom(type) || type == int.class || type == long.class) {
            return "a number";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .map(String::toLowerCase).collect(Collectors.joining(", "));
        }
        return "an object";
    }

    private static String known(Collection<Object> ids) {
        return ids.stream().map(Object::toString).sorted().map(s -> "'" + s + "'").collect(Collectors.joining(", "));
    }

    /** The known field nearest to the unknown one, if it is near enough to be a likely typo (one rule: Names). */
    static String closest(String field, Collection<Object> known) {
        return dev.palisade.query.Names.closest(field, known);
    }
}
