package dev.palisade.query;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What can be asked of one collection: its typed fields, its JSON columns (whose paths are fields:
 * {@code data.total}), the columns that are never a field (the tenant's), the table, the default ordering and the
 * key that ends every ordering (so ties page correctly).
 *
 * <pre>{@code
 * Catalog workspaces = Catalog.of("workspaces", "workspaces w", "id")
 *         .with(Field.indexed("id", FieldType.UUID, "w.id"))
 *         .with(Field.indexed("slug", FieldType.TEXT, "w.slug"))
 *         .forbid("tenantId", "tenant_id");
 * }</pre>
 */
public final class Catalog {

    /** One segment of a JSON path: letters, digits, {@code _} and {@code -}, at most 64 characters. */
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final int MAX_PATH = 10;

    private final String collection;
    private final String from;
    private final String key;
    private final Map<String, Field> fields;
    private final Map<String, String> jsonColumns;
    private final Map<String, Field> paths;
    private final Set<String> forbidden;
    private final List<Order> defaultOrder;

    private Catalog(String collection, String from, String key, Map<String, Field> fields,
            Map<String, String> jsonColumns, Map<String, Field> paths, Set<String> forbidden,
            List<Order> defaultOrder) {
        this.collection = collection;
        this.from = from;
        this.key = key;
        this.fields = fields;
        this.jsonColumns = jsonColumns;
        this.paths = paths;
        this.forbidden = forbidden;
        this.defaultOrder = defaultOrder;
    }

    /** An empty catalog of {@code collection}, read {@code from} a table (with alias), keyed by field {@code key}. */
    public static Catalog of(String collection, String from, String key) {
        return new Catalog(collection, from, key, Map.of(), Map.of(), Map.of(), Set.of(), List.of());
    }

    public Catalog with(Field field) {
        Map<String, Field> more = new LinkedHashMap<>(fields);
        more.put(field.name(), field);
        return new Catalog(collection, from, key, more, jsonColumns, paths, forbidden, defaultOrder);
    }

    /** A JSON column whose paths are fields: {@code name.a.b}; {@code name} alone is the whole value. */
    public Catalog withJson(String name, String sql) {
        Map<String, String> more = new LinkedHashMap<>(jsonColumns);
        more.put(name, sql);
        return new Catalog(collection, from, key, fields, more, paths, forbidden, defaultOrder);
    }

    /**
     * A path of a JSON column that an expression index serves: filters and orderings on {@code name}
     * ({@code data.email}) compile to exactly {@code sql}, the expression the index was built on, so that PostgreSQL
     * can use it; values are checked against {@code type} as for a typed field. {@code sql} is NULL where the path
     * holds no value of that type (the key is missing, or holds JSON null or another type). Selecting the path still
     * returns its JSON value.
     *
     * @throws IllegalArgumentException {@code name} is not a path of a JSON column of this catalog
     */
    public Catalog withPath(String name, FieldType type, String sql) {
        return withPath(name, type, sql, null);
    }

    /**
     * A number path that an expression index holds by its float8 key ({@link Float8Key}) and then by its exact value
     * {@code sql}: {@code float8Key} is NULL exactly where {@code sql} is. A condition on the path compiles to a
     * loosened condition on the key (an index condition even under row-level security, float8 comparisons being
     * {@code LEAKPROOF}) ANDed with the exact one on {@code sql}; an ordering sorts by the key, then {@code sql}.
     *
     * @throws IllegalArgumentException {@code name} is not a path of a JSON column of this catalog, or {@code type} is
     *         not {@link FieldType#NUMBER} though a key is given
     */
    public Catalog withPath(String name, FieldType type, String sql, String float8Key) {
        Target json = resolve(name);
        if (!json.isJson() || json.path().isEmpty()) {
            throw new IllegalArgumentException(name + " is not a path of a JSON column of " + collection);
        }
        Map<String, Field> more = new LinkedHashMap<>(paths);
        more.put(name, new Field(name, type, sql, true, true, float8Key));
        return new Catalog(collection, from, key, fields, jsonColumns, more, forbidden, defaultOrder);
    }

    /** The paths served by an expression index ({@link #withPath}), in declaration order. */
    public List<Field> paths() {
        return List.copyOf(paths.values());
    }

    /** Names that are never a field (the tenant's columns): filtering, selecting or ordering on them is refused. */
    public Catalog forbid(String... names) {
        return new Catalog(collection, from, key, fields, jsonColumns, paths, Set.of(names), defaultOrder);
    }

    public Catalog defaultOrder(Order... keys) {
        return new Catalog(collection, from, key, fields, jsonColumns, paths, forbidden, List.of(keys));
    }

    public String collection() {
        return collection;
    }

    String from() {
        return from;
    }

    Field key() {
        return fields.get(key);
    }

    List<Order> defaultOrder() {
        return defaultOrder.isEmpty() ? List.of(Order.asc(key)) : defaultOrder;
    }

    /** The typed fields, in declaration order. */
    public List<Field> fields() {
        return List.copyOf(fields.values());
    }

    /** The JSON columns' names, in declaration order. */
    public List<String> jsonColumns() {
        return List.copyOf(jsonColumns.keySet());
    }

    String jsonSql(String name) {
        return jsonColumns.get(name);
    }

    /**
     * Resolves a field name used in a filter, an ordering, a selection or a group.
     *
     * @throws QueryException unknown (with a suggestion), forbidden, or a malformed JSON path
     */
    Target resolve(String name) {
        Objects.requireNonNull(name, "name");
        if (forbidden.contains(name) || forbidden.contains(name.split("\\.", 2)[0])) {
            throw QueryException.invalid(name, "is the tenant's column: it can be neither filtered, selected nor "
                    + "ordered on (the tenant is always the one of the request).");
        }
        Field field = fields.get(name);
        if (field != null) {
            return new Target(name, field, null, List.of());
        }
        String[] parts = name.split("\\.", -1);
        String column = jsonColumns.get(parts[0]);
        if (column == null) {
            List<String> known = new ArrayList<>(fields.keySet());
            jsonColumns.keySet().forEach(j -> known.add(j + "." + (parts.length > 1 ? parts[1] : "")));
            known.addAll(jsonColumns.keySet());
            String suggestion = Names.closest(name, known);
            throw QueryException.unknown("field", name, suggestion);
        }
        List<String> path = List.of(parts).subList(1, parts.length);
        Field typed = paths.get(name);
        if (typed != null) {
            return new Target(name, typed, column, path);
        }
        if (path.size() > MAX_PATH) {
            throw QueryException.tooComplex(name, "'" + name + "' is deeper than " + MAX_PATH + " levels.");
        }
        for (String segment : path) {
            if (!SEGMENT.matcher(segment).matches()) {
                throw QueryException.invalid(name, "must be a path of names made of letters, digits, '_' and '-' "
                        + "separated by dots; found '" + name + "'.");
            }
        }
        return new Target(name, null, column, path);
    }
}
