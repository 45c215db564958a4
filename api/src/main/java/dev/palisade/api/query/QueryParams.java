package dev.palisade.api.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.ws.rs.core.MultivaluedMap;

import dev.palisade.query.Filter;
import dev.palisade.query.Filters;
import dev.palisade.query.Lookups;
import dev.palisade.query.Order;
import dev.palisade.query.Query;
import dev.palisade.query.QueryException;
import dev.palisade.query.WhereParser;

/**
 * The query language as query parameters: {@code where=<JSON>}, {@code exclude=<JSON>}, {@code field=value} and
 * {@code field__lookup=value}, {@code orderBy=-createdAt,name}, {@code limit}, {@code cursor}, {@code count=true},
 * {@code select=id,name}, {@code include=configs}. Every other parameter name is a field: an unknown one is a 400
 * with a suggestion, never silently ignored.
 */
public final class QueryParams {

    /** The parameters of the language; an endpoint may reserve more of its own (the feed's {@code after}). */
    public static final Set<String> RESERVED = Set.of("where", "exclude", "orderBy", "limit", "cursor", "count",
            "select", "include");

    private QueryParams() {
    }

    /**
     * The list request in {@code params}; parameters named in {@code own} are the endpoint's and are left alone.
     *
     * @throws QueryException a parameter that is not of the language
     */
    public static QueryRequest parse(MultivaluedMap<String, String> params, Set<String> own, Set<String> include) {
        List<Filter> filters = new ArrayList<>();
        for (Map.Entry<String, List<String>> param : params.entrySet()) {
            String name = param.getKey();
            if (RESERVED.contains(name) || own.contains(name)) {
                continue;
            }
            for (String value : param.getValue()) {
                filters.add(Lookups.parse(name, value));
            }
        }
        for (String where : params.getOrDefault("where", List.of())) {
            filters.add(WhereParser.parse("where", where));
        }
        for (String exclude : params.getOrDefault("exclude", List.of())) {
            filters.add(Filters.not(WhereParser.parse("exclude", exclude)));
        }
        Query query = Query.all().limit(limit(params.getFirst("limit")));
        for (Filter f : filters) {
            query = query.and(f);
        }
        List<Order> order = new ArrayList<>();
        list(params.get("orderBy")).forEach(o -> order.add(Order.parse(o)));
        return new QueryRequest(query.orderBy(order).after(params.getFirst("cursor"))
                .counted(bool("count", params.getFirst("count"))).select(list(params.get("select"))),
                QueryRequest.checkInclude(list(params.get("include")), include));
    }

    /** {@code limit} as a number of rows: the default when absent. */
    public static int limit(String text) {
        if (text == null) {
            return Query.DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(text.strip());
            if (limit >= 1 && limit <= Query.MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // Refused below.
        }
        throw QueryException.invalid("limit", "must be a whole number from 1 to " + Query.MAX_LIMIT + "; found '"
                + text + "'.");
    }

    static boolean bool(String name, String text) {
        if (text == null || text.equals("false")) {
            return false;
        }
        if (text.equals("true")) {
            return true;
        }
        throw QueryException.invalid(name, "must be true or false; found '" + text + "'.");
    }

    /** Comma-separated items of a repeatable parameter, blanks dropped. */
    static List<String> list(List<String> values) {
        List<String> items = new ArrayList<>();
        if (values != null) {
            for (String value : values) {
                for (String item : value.split(",")) {
                    if (!item.isBlank()) {
                        items.add(item.strip());
                    }
                }
            }
        }
        return items;
    }
}
