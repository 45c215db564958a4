package dev.palisade.query;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Django-style lookups: {@code name__startswith=ac}, {@code createdAt__gte=2026-01-01T00:00:00Z},
 * {@code type__in=A,B}, {@code data.total__gt=100}. A name without {@code __} is {@code exact}.
 * <p>
 * Query-string values are text: typed fields parse them by their type; on a JSON path ({@code data.total}) a value
 * that reads as a JSON number or {@code true}/{@code false} is compared as one, anything else as a string (use
 * {@code where} to compare the string {@code "100"}).
 */
public final class Lookups {

    private record Lookup(Op op, boolean insensitive) {
    }

    private static final Map<String, Lookup> LOOKUPS = Map.ofEntries(Map.entry("exact", new Lookup(Op.EQUALS, false)),
            Map.entry("iexact", new Lookup(Op.EQUALS, true)), Map.entry("contains", new Lookup(Op.CONTAINS, false)),
            Map.entry("icontains", new Lookup(Op.CONTAINS, true)),
            Map.entry("startswith", new Lookup(Op.STARTS_WITH, false)),
            Map.entry("istartswith", new Lookup(Op.STARTS_WITH, true)),
            Map.entry("endswith", new Lookup(Op.ENDS_WITH, false)),
            Map.entry("iendswith", new Lookup(Op.ENDS_WITH, true)), Map.entry("gt", new Lookup(Op.GT, false)),
            Map.entry("gte", new Lookup(Op.GTE, false)), Map.entry("lt", new Lookup(Op.LT, false)),
            Map.entry("lte", new Lookup(Op.LTE, false)), Map.entry("in", new Lookup(Op.IN, false)),
            Map.entry("isnull", new Lookup(Op.IS_NULL, false)), Map.entry("range", new Lookup(Op.RANGE, false)));

    private static final Pattern JSON_NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");

    private Lookups() {
    }

    /** The lookups' names, for suggestions and documentation. */
    public static List<String> names() {
        return LOOKUPS.keySet().stream().sorted().toList();
    }

    /** Whether a query parameter's name is a lookup ({@code field__op}) rather than another parameter. */
    public static boolean isLookup(String name) {
        return name.contains("__");
    }

    /**
     * {@code key=value} from a query string as a condition.
     *
     * @throws QueryException an unknown lookup (with a suggestion) or a value it cannot take
     */
    public static Filter.Condition parse(String key, String value) {
        int split = key.lastIndexOf("__");
        String field = split < 0 ? key : key.substring(0, split);
        Lookup lookup = lookup(key, split < 0 ? "exact" : key.substring(split + 2));
        List<Object> values = switch (lookup.op()) {
            case IN -> items(value);
            case RANGE -> pair(key, items(value));
            case IS_NULL -> List.of(bool(key, value));
            default -> java.util.Collections.singletonList(new QueryText(value));
        };
        return new Filter.Condition(field, lookup.op(), values, lookup.insensitive());
    }

    /**
     * {@code "field__op": value} inside a JSON {@code where}: the value keeps its JSON type; {@code in} and
     * {@code range} take an array.
     */
    static Filter.Condition parseJson(String key, Object value) {
        int split = key.lastIndexOf("__");
        String field = key.substring(0, split);
        Lookup lookup = lookup(key, key.substring(split + 2));
        List<Object> values = switch (lookup.op()) {
            case IN -> list(key, value);
            case RANGE -> pair(key, list(key, value));
            case IS_NULL -> List.of(value instanceof Boolean b ? b : bool(key, String.valueOf(value)));
            default -> java.util.Collections.singletonList(value);
        };
        return new Filter.Condition(field, lookup.op(), values, lookup.insensitive());
    }

    private static Lookup lookup(String key, String name) {
        Lookup lookup = LOOKUPS.get(name);
        if (lookup == null) {
            throw QueryException.unknown("lookup", name, Names.closest(name, LOOKUPS.keySet()));
        }
        return lookup;
    }

    private static List<Object> items(String value) {
        List<Object> items = new ArrayList<>();
        for (String item : value.split(",", -1)) {
            items.add(new QueryText(item));
        }
        return items;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(String key, Object value) {
        if (value instanceof List<?> l) {
            return (List<Object>) l;
        }
        if (value instanceof String s) {
            return new ArrayList<>(Arrays.asList((Object[]) s.split(",", -1)));
        }
        throw QueryException.invalid(key, "must be an array of values; found " + FieldType.describe(value) + ".");
    }

    private static List<Object> pair(String key, List<Object> values) {
        if (values.size() != 2) {
            throw QueryException.invalid(key, "must be two values, low and high (both included); found "
                    + values.size() + ".");
        }
        return values;
    }

    private static Boolean bool(String key, String value) {
        if ("true".equals(value) || "false".equals(value)) {
            return Boolean.valueOf(value);
        }
        throw QueryException.invalid(key, "must be true or false; found " + FieldType.describe(value) + ".");
    }

    /** A query-string value compared with a JSON path: a JSON number or boolean when it reads as one. */
    static Object jsonValue(Object value) {
        if (!(value instanceof QueryText q)) {
            return value;
        }
        String text = q.text();
        if ("true".equals(text) || "false".equals(text)) {
            return Boolean.valueOf(text);
        }
        return JSON_NUMBER.matcher(text).matches() ? new BigDecimal(text) : text;
    }
}
