package dev.palisade.query;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compiles a {@link Query} against a {@link Catalog} to SQL: {@code SELECT ... FROM <table> WHERE (<scope>) AND
 * (<filter>) [AND <keyset>] ORDER BY <keys> LIMIT ?}. Every value is a bound parameter; field names become the
 * catalog's SQL expressions, so nothing the client sends is ever spliced into the text (JSON path segments are
 * restricted to letters, digits, {@code _} and {@code -} first).
 */
final class Compiler {

    /** A compiled page: its statement, its output columns, then one hidden column per ordering key. */
    record PageSql(Statement statement, List<Column> columns, List<Order> order, List<Key> keys, int limit) {
    }

    /** A compiled group query: its statement and its columns. */
    record GroupSql(Statement statement, List<Column> columns, int limit) {
    }

    private Compiler() {
    }

    static PageSql page(Catalog catalog, Query query, Scope scope) {
        List<Object> params = new ArrayList<>();
        List<Column> columns = new ArrayList<>();
        StringBuilder select = new StringBuilder("SELECT ");
        for (Target t : selection(catalog, query.select())) {
            select.append(columns.isEmpty() ? "" : ", ").append(output(t));
            columns.add(new Column(t.name(), t.isJson() ? null : t.field().type()));
        }
        List<Order> order = order(catalog, query.orderBy());
        List<Key> keys = order.stream().map(o -> Key.of(catalog.resolve(o.field()))).toList();
        keys.forEach(k -> select.append(", ").append(k.output()));
        StringBuilder sql = select.append(" FROM ").append(catalog.from()).append(" WHERE ");
        where(sql, catalog, scope, query.where(), params);
        if (query.cursor() != null) {
            sql.append(" AND (").append(Keyset.after(order, keys, Cursor.decode(query.cursor(), order), params))
                    .append(')');
        }
        List<String> sorts = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            // No NULLS clause: PostgreSQL's default (NULL after every value ascending, before them descending) is
            // the one Keyset compares by, and the one a plain index serves in both directions.
            for (String sort : keys.get(i).sorts()) {
                sorts.add(sort + (order.get(i).descending() ? " DESC" : ""));
            }
        }
        sql.append(" ORDER BY ").append(String.join(", ", sorts)).append(" LIMIT ?");
        params.add(query.limit() + 1);
        return new PageSql(new Statement(sql.toString(), params), columns, order, keys, query.limit());
    }

    static Statement count(Catalog catalog, Query query, Scope scope) {
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT count(*) FROM ").append(catalog.from()).append(" WHERE ");
        where(sql, catalog, scope, query.where(), params);
        return new Statement(sql.toString(), params);
    }

    static GroupSql groups(Catalog catalog, Query query, Scope scope) {
        if (query.groupBy().size() > 10) {
            throw QueryException.tooComplex("groupBy", "A query groups by at most 10 fields; found "
                    + query.groupBy().size() + ".");
        }
        List<Object> params = new ArrayList<>();
        List<Column> columns = new ArrayList<>();
        Map<String, String> sortable = new LinkedHashMap<>();
        StringBuilder select = new StringBuilder("SELECT ");
        StringBuilder groupBy = new StringBuilder();
        for (String name : query.groupBy()) {
            Target t = catalog.resolve(name);
            String expr = t.isJson() ? t.jsonb() : t.field().sql();
            select.append(columns.isEmpty() ? "" : ", ").append(t.isJson() ? "CAST(" + expr + " AS text)" : expr);
            groupBy.append(groupBy.isEmpty() ? "" : ", ").append(expr);
            columns.add(new Column(name, t.isJson() ? null : t.field().type()));
            sortable.put(name, expr);
        }
        List<Aggregate> aggregates = query.aggregates().isEmpty() ? List.of(Aggregate.count()) : query.aggregates();
        for (Aggregate a : aggregates) {
            Field f = aggregate(catalog, a);
            select.append(columns.isEmpty() ? "" : ", ").append(f.sql());
            columns.add(new Column(a.name(), f.type()));
            sortable.put(a.name(), f.sql());
        }
        StringBuilder sql = select.append(" FROM ").append(catalog.from()).append(" WHERE ");
        where(sql, catalog, scope, query.where(), params);
        if (!groupBy.isEmpty()) {
            sql.append(" GROUP BY ").append(groupBy);
        }
        String having = new Conditions(name -> aggregateTarget(catalog, name), params).sql(query.having());
        if (!having.equals("TRUE")) {
            sql.append(" HAVING ").append(having);
        }
        List<String> order = new ArrayList<>();
        for (Order o : query.orderBy()) {
            String expr = sortable.get(o.field());
            if (expr == null) {
                throw QueryException.unknown("group field or aggregate", o.field(),
                        Names.closest(o.field(), sortable.keySet()));
            }
            order.add(expr + (o.descending() ? " DESC" : ""));
        }
        query.groupBy().stream().filter(g -> query.orderBy().stream().noneMatch(o -> o.field().equals(g)))
                .forEach(g -> order.add(sortable.get(g)));
        if (!order.isEmpty()) {
            sql.append(" ORDER BY ").append(String.join(", ", order));
        }
        sql.append(" LIMIT ?");
        params.add(query.limit() + 1);
        return new GroupSql(new Statement(sql.toString(), params), columns, query.limit());
    }

    private static void where(StringBuilder sql, Catalog catalog, Scope scope, Filter filter, List<Object> params) {
        // The scope first and outside: the user's filter is one parenthesised term ANDed to it.
        sql.append('(').append(scope.sql()).append(')');
        params.addAll(scope.parameters());
        String user = new Conditions(catalog::resolve, params).sql(filter);
        if (!user.equals("TRUE")) {
            sql.append(" AND (").append(user).append(')');
        }
    }

    private static List<Target> selection(Catalog catalog, List<String> select) {
        List<Target> targets = new ArrayList<>();
        if (select.isEmpty()) {
            catalog.fields().forEach(f -> targets.add(catalog.resolve(f.name())));
            catalog.jsonColumns().forEach(j -> targets.add(catalog.resolve(j)));
            return targets;
        }
        for (String name : select) {
            Target t = catalog.resolve(name.strip());
            if (targets.stream().noneMatch(s -> s.name().equals(t.name()))) {
                targets.add(t);
            }
        }
        return targets;
    }

    private static String output(Target t) {
        return t.isJson() ? "CAST(" + t.jsonb() + " AS text)" : t.field().sql();
    }

    /** The ordering asked for (or the catalog's default), ended by the collection's key so that ties page. */
    private static List<Order> order(Catalog catalog, List<Order> asked) {
        List<Order> order = new ArrayList<>();
        for (Order o : asked.isEmpty() ? catalog.defaultOrder() : asked) {
            catalog.resolve(o.field());
            if (order.stream().noneMatch(e -> e.field().equals(o.field()))) {
                order.add(o);
            }
        }
        if (order.stream().noneMatch(o -> o.field().equals(catalog.key().name()))) {
            order.add(Order.asc(catalog.key().name()));
        }
        return order;
    }

    private static Field aggregate(Catalog catalog, Aggregate a) {
        if (a.fn() == Aggregate.Fn.COUNT) {
            return Field.of(a.name(), FieldType.INTEGER, "count(*)");
        }
        Target t = catalog.resolve(a.field());
        String fn = a.fn().name().toLowerCase();
        if (!t.isTyped()) {
            return Field.of(a.name(), FieldType.NUMBER, fn + "(" + Conditions.ordered(t, a.field(), 0) + ")");
        }
        FieldType type = t.field().type();
        boolean numeric = type == FieldType.INTEGER || type == FieldType.NUMBER;
        boolean orderable = numeric || type == FieldType.TIMESTAMP || type == FieldType.TEXT;
        if (a.fn() == Aggregate.Fn.SUM || a.fn() == Aggregate.Fn.AVG ? !numeric : !orderable) {
            throw QueryException.invalid(a.field(), "is " + type.expected().replaceFirst("^an? ", "a field of ")
                    + "; " + a.fn().label() + " takes a numeric field.");
        }
        FieldType result = a.fn() == Aggregate.Fn.SUM || a.fn() == Aggregate.Fn.AVG ? FieldType.NUMBER : type;
        return Field.of(a.name(), result, fn + "(" + t.field().sql() + ")");
    }

    private static Target aggregateTarget(Catalog catalog, String name) {
        int dot = name.indexOf('.');
        Aggregate.Fn fn = Aggregate.Fn.of(dot < 0 ? name : name.substring(0, dot));
        if (fn == null || (fn == Aggregate.Fn.COUNT) != (dot < 0)) {
            throw QueryException.unknown("aggregate", name, Names.closest(name, List.of("_count", "_sum.", "_avg.",
                    "_min.", "_max.")));
        }
        Aggregate a = fn == Aggregate.Fn.COUNT ? Aggregate.count() : Aggregate.of(fn, name.substring(dot + 1));
        return new Target(name, aggregate(catalog, a), null, List.of());
    }
}
