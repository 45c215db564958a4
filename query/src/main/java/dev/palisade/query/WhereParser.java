package dev.palisade.query;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The JSON filter grammar:
 * {@code {field: value | {equals, not, in, notIn, lt, lte, gt, gte, contains, startsWith, endsWith, isNull,
 * mode: "insensitive"}, "field__lookup": value, AND: [...], OR: [...], NOT: {...}}}. Keys of one object are ANDed.
 */
public final class WhereParser {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Op> OPERATORS = Map.ofEntries(Map.entry("equals", Op.EQUALS),
            Map.entry("not", Op.NOT), Map.entry("in", Op.IN), Map.entry("notIn", Op.NOT_IN), Map.entry("lt", Op.LT),
            Map.entry("lte", Op.LTE), Map.entry("gt", Op.GT), Map.entry("gte", Op.GTE),
            Map.entry("contains", Op.CONTAINS), Map.entry("startsWith", Op.STARTS_WITH),
            Map.entry("endsWith", Op.ENDS_WITH), Map.entry("isNull", Op.IS_NULL));
    private static final List<String> OPERATOR_NAMES = operatorNames();

    private WhereParser() {
    }

    /**
     * Parses {@code text} (the {@code where} parameter) as a filter; {@code parameter} names it in errors.
     *
     * @throws QueryException not a JSON object, or not of the grammar
     */
    public static Filter parse(String parameter, String text) {
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw QueryException.invalid(parameter, "must be a JSON object (URL-encoded); it is not valid JSON.");
        }
        return parse(parameter, node);
    }

    /** Parses an already-read JSON filter (the {@code where} member of a query body). */
    public static Filter parse(String parameter, JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return Filter.all();
        }
        return object(parameter, node, 1);
    }

    private static Filter object(String where, JsonNode node, int depth) {
        if (depth > Query.MAX_DEPTH) {
            throw QueryException.tooComplex(where, "The filter nests deeper than " + Query.MAX_DEPTH + " levels.");
        }
        if (!node.isObject()) {
            throw QueryException.invalid(where, "must be a JSON object; found " + kind(node) + ".");
        }
        List<Filter> all = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> member = it.next();
            String key = member.getKey();
            JsonNode value = member.getValue();
            switch (key) {
                case "AND" -> all.add(new Filter.And(list(key, value, depth)));
                case "OR" -> all.add(new Filter.Or(list(key, value, depth)));
                case "NOT" -> all.add(new Filter.Not(value.isArray()
                        ? new Filter.And(list(key, value, depth))
                        : object(key, value, depth + 1)));
                default -> all.add(field(key, value, depth));
            }
        }
        return all.size() == 1 ? all.get(0) : new Filter.And(all);
    }

    private static List<Filter> list(String key, JsonNode value, int depth) {
        if (value.isObject()) {
            return List.of(object(key, value, depth + 1));
        }
        if (!value.isArray()) {
            throw QueryException.invalid(key, "must be an array of filters; found " + kind(value) + ".");
        }
        List<Filter> filters = new ArrayList<>();
        value.forEach(item -> filters.add(object(key, item, depth + 1)));
        return filters;
    }

    private static Filter field(String key, JsonNode value, int depth) {
        if (Lookups.isLookup(key)) {
            return Lookups.parseJson(key, value(key, value, true));
        }
        if (!value.isObject()) {
            return new Filter.Condition(key, Op.EQUALS, Collections.singletonList(value(key, value, false)), false);
        }
        boolean insensitive = false;
        JsonNode mode = value.get("mode");
        if (mode != null) {
            if (!mode.isTextual() || !List.of("insensitive", "default").contains(mode.asText())) {
                throw QueryException.invalid(key + ".mode", "must be \"insensitive\" or \"default\"; found "
                        + mode + ".");
            }
            insensitive = mode.asText().equals("insensitive");
        }
        List<Filter> all = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> member = it.next();
            String name = member.getKey();
            if (name.equals("mode")) {
                continue;
            }
            Op op = OPERATORS.get(name);
            if (op == null) {
                throw QueryException.unknown("operator", name, Names.closest(name, OPERATOR_NAMES));
            }
            JsonNode operand = member.getValue();
            if (op == Op.NOT && operand.isObject()) {
                all.add(new Filter.Not(field(key, operand, depth + 1)));
                continue;
            }
            List<Object> values = op.takesList()
                    ? values(key + "." + name, operand)
                    : Collections.singletonList(value(key + "." + name, operand, false));
            if (op == Op.IS_NULL && !(values.get(0) instanceof Boolean)) {
                throw QueryException.invalid(key + ".isNull", "must be true or false; found " + operand + ".");
            }
            all.add(new Filter.Condition(key, op, values, insensitive));
        }
        if (all.isEmpty()) {
            throw QueryException.invalid(key, "must hold at least one operator (" + String.join(", ", OPERATOR_NAMES)
                    + ").");
        }
        return all.size() == 1 ? all.get(0) : new Filter.And(all);
    }

    private static List<Object> values(String key, JsonNode node) {
        if (!node.isArray()) {
            throw QueryException.invalid(key, "must be an array of values; found " + kind(node) + ".");
        }
        List<Object> values = new ArrayList<>();
        node.forEach(item -> values.add(value(key, item, false)));
        return values;
    }

    /** A JSON scalar as a Java value; an array only where a lookup takes a list. */
    private static Object value(String key, JsonNode node, boolean arrays) {
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isNull()) {
            return null;
        }
        if (node.isNumber()) {
            return node.isIntegralNumber() && node.canConvertToLong()
                    ? (Object) node.longValue()
                    : new BigDecimal(node.asText());
        }
        if (arrays && node.isArray()) {
            return values(key, node);
        }
        throw QueryException.invalid(key, "must be a string, number, boolean or null; found " + kind(node) + ".");
    }

    private static String kind(JsonNode node) {
        return node.isArray()
                ? "an array"
                : node.isObject()
                        ? "an object"
                        : node.isTextual()
                                ? "a string"
                                : node.isNumber() ? "a number" : node.isBoolean() ? "a boolean" : "null";
    }

    private static List<String> operatorNames() {
        List<String> names = new ArrayList<>(OPERATORS.keySet());
        names.add("mode");
        Collections.sort(names);
        return List.copyOf(names);
    }
}
