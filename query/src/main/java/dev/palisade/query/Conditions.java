package dev.palisade.query;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Writes a filter as SQL, appending its values to the parameters; the limits on depth and size are checked here. */
final class Conditions {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Function<String, Target> resolver;
    private final List<Object> parameters;
    private int clauses;

    Conditions(Function<String, Target> resolver, List<Object> parameters) {
        this.resolver = resolver;
        this.parameters = parameters;
    }

    String sql(Filter filter) {
        return sql(filter, 1);
    }

    private String sql(Filter filter, int depth) {
        if (depth > Query.MAX_DEPTH + 1) {
            throw QueryException.tooComplex("where", "The filter nests deeper than " + Query.MAX_DEPTH + " levels.");
        }
        if (filter instanceof Filter.And and) {
            return join(and.all(), " AND ", "TRUE", depth);
        }
        if (filter instanceof Filter.Or or) {
            return join(or.any(), " OR ", "FALSE", depth);
        }
        if (filter instanceof Filter.Not not) {
            return "NOT (" + sql(not.filter(), depth + 1) + ")";
        }
        return condition((Filter.Condition) filter);
    }

    private String join(List<Filter> filters, String operator, String empty, int depth) {
        if (filters.isEmpty()) {
            return empty;
        }
        StringBuilder out = new StringBuilder();
        for (Filter f : filters) {
            out.append(out.isEmpty() ? "" : operator).append('(').append(sql(f, depth + 1)).append(')');
        }
        return out.toString();
    }

    private String condition(Filter.Condition c) {
        if (++clauses > Query.MAX_CLAUSES) {
            throw QueryException.tooComplex(c.field(), "The filter holds more than " + Query.MAX_CLAUSES
                    + " conditions.");
        }
        if (c.op().takesList() && c.values().size() > Query.MAX_IN_VALUES) {
            throw QueryException.tooComplex(c.field(), "'" + c.field() + "' lists more than " + Query.MAX_IN_VALUES
                    + " values.");
        }
        if (c.op().takesList() && c.values().isEmpty() && c.op() != Op.RANGE) {
            return c.op() == Op.IN ? "FALSE" : "TRUE";
        }
        Target t = resolver.apply(c.field());
        if (!t.isTyped()) {
            return json(t, c);
        }
        // A typed path's expression is NULL for JSON null, a missing key and a value of another type alike; tests
        // of null keep the JSON meaning (a JSON null or a missing key).
        boolean nullTest = c.op() == Op.IS_NULL || ((c.op() == Op.EQUALS || c.op() == Op.NOT) && c.value() == null);
        if (t.isJson() && nullTest) {
            // JSON null and a missing key make the typed expression NULL too: "is null" is also a condition on it,
            // which its index serves, rechecked by the JSON test (the expression is NULL for another type as well).
            boolean isNull = c.op() == Op.IS_NULL ? Boolean.TRUE.equals(c.value()) : c.op() == Op.EQUALS;
            String json = json(t, c);
            return isNull ? t.field().indexSql() + " IS NULL AND " + json : json;
        }
        Field f = t.field();
        if (f.float8Key() != null) {
            String key = float8Key(f, c);
            return key == null ? typed(t, c) : key + " AND " + typed(t, c);
        }
        return typed(t, c);
    }

    /**
     * The condition on a number's float8 key that a condition on the number implies ({@link Float8Key}), or
     * {@code null} when it implies none (not, notIn): an index on the key serves it, and the exact condition on the
     * number, ANDed to it, keeps the result exact. Equality is the range of one step either side of the value's key.
     */
    private String float8Key(Field f, Filter.Condition c) {
        String name = c.field();
        String key = f.float8Key();
        return switch (c.op()) {
            case EQUALS -> key + " BETWEEN " + bind("?", Float8Key.atLeast(number(f, name, c.value()))) + " AND "
                    + bind("?", Float8Key.atMost(number(f, name, c.value())));
            case IN -> {
                java.util.Set<Double> keys = new java.util.LinkedHashSet<>();
                for (Object v : c.values()) {
                    BigDecimal n = number(f, name, v);
                    keys.addAll(List.of(Float8Key.atLeast(n), Float8Key.of(n), Float8Key.atMost(n)));
                }
                StringBuilder in = new StringBuilder(key).append(" IN (");
                int i = 0;
                for (Double k : keys) {
                    in.append(i++ == 0 ? "" : ", ").append(bind("?", k));
                }
                yield in.append(')').toString();
            }
            case LT, LTE -> key + " <= " + bind("?", Float8Key.atMost(number(f, name, c.value())));
            case GT, GTE -> key + " >= " + bind("?", Float8Key.atLeast(number(f, name, c.value())));
            case RANGE -> key + " BETWEEN " + bind("?", Float8Key.atLeast(number(f, name, c.values().get(0))))
                    + " AND " + bind("?", Float8Key.atMost(number(f, name, c.values().get(1))));
            default -> null;
        };
    }

    private static BigDecimal number(Field f, String name, Object value) {
        return (BigDecimal) f.type().coerce(name, value);
    }

    private String typed(Target t, Filter.Condition c) {
        Field f = t.field();
        String name = c.field();
        if ((c.op().isPattern() || c.insensitive()) && f.type() != FieldType.TEXT) {
            throw QueryException.invalid(name, "is " + f.type().expected().replaceFirst("^an? ", "a field of ")
                    + "; " + (c.insensitive() ? "case-insensitive matching" : "text matching")
                    + " works on text fields only.");
        }
        String column = c.insensitive() ? "lower(" + f.sql() + ")" : f.sql();
        String param = c.insensitive() ? "lower(?)" : "?";
        Object v = c.value();
        return switch (c.op()) {
            case IS_NULL -> f.sql() + (Boolean.TRUE.equals(v) ? " IS NULL" : " IS NOT NULL");
            case EQUALS -> v == null ? f.sql() + " IS NULL" : column + " = " + bind(param, f.type().coerce(name, v));
            case NOT -> v == null
                    ? f.sql() + " IS NOT NULL"
                    : column + " IS DISTINCT FROM " + bind(param, f.type().coerce(name, v));
            case IN, NOT_IN -> {
                StringBuilder in = new StringBuilder(column).append(" IN (");
                for (int i = 0; i < c.values().size(); i++) {
                    in.append(i == 0 ? "" : ", ").append(bind(param, f.type().coerce(name, c.values().get(i))));
                }
                in.append(')');
                yield c.op() == Op.IN ? in.toString() : "NOT coalesce(" + in + ", false)";
            }
            case RANGE -> column + " BETWEEN " + bind(param, f.type().coerce(name, c.values().get(0))) + " AND "
                    + bind(param, f.type().coerce(name, c.values().get(1)));
            case CONTAINS, STARTS_WITH, ENDS_WITH -> column + (c.insensitive() ? " ILIKE " : " LIKE ")
                    + bind("?", pattern(c.op(), (String) FieldType.TEXT.coerce(name, v))) + " ESCAPE '\\'";
            case LT, LTE, GT, GTE -> column + " " + comparison(c.op()) + " " + bind(param, f.type().coerce(name, v));
        };
    }

    private String json(Target t, Filter.Condition given) {
        Filter.Condition c = new Filter.Condition(given.field(), given.op(),
                given.values().stream().map(Lookups::jsonValue).toList(), given.insensitive());
        String name = c.field();
        Object v = c.value();
        String isString = "jsonb_typeof(" + t.jsonb() + ") = 'string'";
        return switch (c.op()) {
            case IS_NULL -> "coalesce(jsonb_typeof(" + t.jsonb() + "), 'null') " + (Boolean.TRUE.equals(v) ? "=" : "<>")
                    + " 'null'";
            case EQUALS -> v == null
                    ? "coalesce(jsonb_typeof(" + t.jsonb() + "), 'null') = 'null'"
                    : v instanceof String s
                            ? (c.insensitive()
                                    ? "lower(" + t.text() + ") = lower(" + bind("?", s) + ")"
                                    : t.text() + " = " + bind("?", s) + " AND " + isString)
                            : t.jsonb() + " = " + jsonb(name, v);
            case NOT -> v == null
                    ? "coalesce(jsonb_typeof(" + t.jsonb() + "), 'null') <> 'null'"
                    : "NOT coalesce(" + t.jsonb() + " = " + jsonb(name, v) + ", false)";
            case IN, NOT_IN -> {
                StringBuilder in = new StringBuilder(t.jsonb()).append(" IN (");
                for (int i = 0; i < c.values().size(); i++) {
                    in.append(i == 0 ? "" : ", ").append(jsonb(name, c.values().get(i)));
                }
                in.append(')');
                yield c.op() == Op.IN ? in.toString() : "NOT coalesce(" + in + ", false)";
            }
            case CONTAINS, STARTS_WITH, ENDS_WITH -> "(CASE WHEN " + isString + " THEN " + t.text() + " END)"
                    + (c.insensitive() ? " ILIKE " : " LIKE ")
                    + bind("?", pattern(c.op(), (String) FieldType.TEXT.coerce(name, v))) + " ESCAPE '\\'";
            case LT, LTE, GT, GTE -> ordered(t, name, v) + " " + comparison(c.op()) + " " + orderedValue(name, v);
            case RANGE -> ordered(t, name, c.values().get(0)) + " BETWEEN " + orderedValue(name, c.values().get(0))
                    + " AND " + orderedValue(name, c.values().get(1));
        };
    }

    /** The path's value when it is of the same JSON type as {@code v} (number or string), else NULL. */
    static String ordered(Target t, String name, Object v) {
        if (v instanceof Number) {
            return "(CASE WHEN jsonb_typeof(" + t.jsonb() + ") = 'number' THEN CAST(" + t.text() + " AS numeric) END)";
        }
        if (v instanceof String) {
            return "(CASE WHEN jsonb_typeof(" + t.jsonb() + ") = 'string' THEN " + t.text() + " END)";
        }
        throw QueryException.invalid(name, "compares with a number or a string; found " + FieldType.describe(v) + ".");
    }

    private String orderedValue(String name, Object v) {
        return v instanceof Number ? bind("CAST(? AS numeric)", FieldType.NUMBER.coerce(name, v)) : bind("?", v);
    }

    private String jsonb(String name, Object v) {
        try {
            Object value = v instanceof BigDecimal b ? b : v;
            return bind("CAST(? AS jsonb)", JSON.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw QueryException.invalid(name, "must be a string, number, boolean or null.");
        }
    }

    private String bind(String placeholder, Object value) {
        parameters.add(value);
        return placeholder;
    }

    static String comparison(Op op) {
        return switch (op) {
            case LT -> "<";
            case LTE -> "<=";
            case GT -> ">";
            case GTE -> ">=";
            default -> throw new IllegalArgumentException(op.name());
        };
    }

    /** A LIKE pattern in which the text's {@code %}, {@code _} and {@code \} match literally. */
    static String pattern(Op op, String text) {
        String literal = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return switch (op) {
            case CONTAINS -> "%" + literal + "%";
            case STARTS_WITH -> literal + "%";
            case ENDS_WITH -> "%" + literal;
            default -> throw new IllegalArgumentException(op.name());
        };
    }
}
