package dev.palisade.api.query;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import dev.palisade.query.Aggregate;
import dev.palisade.query.Filter;
import dev.palisade.query.Filters;
import dev.palisade.query.Names;
import dev.palisade.query.Order;
import dev.palisade.query.Query;
import dev.palisade.query.QueryException;
import dev.palisade.query.WhereParser;

/**
 * The body of {@code POST /<collection>/query}: the same language as the parameters, for long queries, plus groups:
 * {@code {"where": {...}, "exclude": {...}, "orderBy": ["-createdAt"], "limit": 50, "cursor": "...", "count": true,
 * "select": ["id"], "include": ["configs"], "groupBy": ["status"], "_count": true, "_sum": ["amount"],
 * "_avg": [...], "_min": [...], "_max": [...], "having": {"_count": {"gt": 1}}}}.
 */
public final class QueryBody {

    /** The body's description in the OpenAPI document. */
    public static final String DESCRIPTION = "The query: {where, exclude, orderBy, limit, cursor, count, select, "
            + "include, groupBy, _count, _sum, _avg, _min, _max, having}; where, exclude and having take the JSON filter "
            + "grammar of the where parameter, having on aggregate names (_count, _sum.field).";

    static final Set<String> MEMBERS = Set.of("where", "exclude", "orderBy", "limit", "cursor", "count", "select",
            "include", "groupBy", "_count", "_sum", "_avg", "_min", "_max", "having");

    private QueryBody() {
    }

    /**
     * The request in {@code body} (absent: every row, first page).
     *
     * @throws QueryException a member that is not of the language, or of the wrong type
     */
    public static QueryRequest parse(JsonNode body, Set<String> include) {
        if (body == null || body.isNull()) {
            return new QueryRequest(Query.all(), Set.of());
        }
        for (Iterator<String> names = body.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!MEMBERS.contains(name)) {
                throw QueryException.unknown("member", name, Names.closest(name, MEMBERS));
            }
        }
        Query query = Query.all().limit(body.has("limit") ? limit(body.get("limit")) : Query.DEFAULT_LIMIT);
        query = query.and(WhereParser.parse("where", body.get("where")));
        if (body.has("exclude")) {
            query = query.and(Filters.not(WhereParser.parse("exclude", body.get("exclude"))));
        }
        List<Order> order = new ArrayList<>();
        strings(body, "orderBy").forEach(o -> order.add(Order.parse(o)));
        List<Aggregate> aggregates = new ArrayList<>();
        if (body.has("_count")) {
            if (!body.get("_count").isBoolean()) {
                throw QueryException.invalid("_count", "must be true or false; found " + body.get("_count") + ".");
            }
            if (body.get("_count").booleanValue()) {
                aggregates.add(Aggregate.count());
            }
        }
        for (Aggregate.Fn fn : List.of(Aggregate.Fn.SUM, Aggregate.Fn.AVG, Aggregate.Fn.MIN, Aggregate.Fn.MAX)) {
            strings(body, fn.label()).forEach(field -> aggregates.add(Aggregate.of(fn, field)));
        }
        List<String> groupBy = strings(body, "groupBy");
        Filter having = WhereParser.parse("having", body.get("having"));
        if (groupBy.isEmpty() && aggregates.isEmpty() && body.has("having")) {
            throw QueryException.invalid("having", "filters groups: add groupBy or an aggregate.");
        }
        query = query.orderBy(order).after(text(body, "cursor")).counted(flag(body, "count"))
                .select(strings(body, "select")).groupBy(groupBy, aggregates, having);
        return new QueryRequest(query, QueryRequest.checkInclude(strings(body, "include"), include));
    }

    private static int limit(JsonNode node) {
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw QueryException.invalid("limit", "must be a whole number from 1 to " + Query.MAX_LIMIT + "; found "
                    + node + ".");
        }
        return QueryParams.limit(String.valueOf(node.intValue()));
    }

    private static boolean flag(JsonNode body, String name) {
        JsonNode node = body.get(name);
        if (node == null || node.isNull()) {
            return false;
        }
        if (!node.isBoolean()) {
            throw QueryException.invalid(name, "must be true or false; found " + node + ".");
        }
        return node.booleanValue();
    }

    private static String text(JsonNode body, String name) {
        JsonNode node = body.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw QueryException.invalid(name, "must be a string; found " + node + ".");
        }
        return node.textValue();
    }

    /** A member that is an array of strings, or one comma-separated string. */
    private static List<String> strings(JsonNode body, String name) {
        JsonNode node = body.get(name);
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (node.isTextual()) {
            return QueryParams.list(List.of(node.textValue()));
        }
        List<String> items = new ArrayList<>();
        if (node.isArray()) {
            for (JsonNode item : node) {
                if (!item.isTextual()) {
                    throw QueryException.invalid(name, "must be an array of field names; found " + item + ".");
                }
                items.add(item.textValue());
            }
            return items;
        }
        throw QueryException.invalid(name, "must be an array of field names; found " + node + ".");
    }
}
