package dev.palisade.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.palisade.testing.TestDatabase;

/**
 * Orderings on JSON paths, which can be NULL (a missing key, JSON null, or for a typed path a value of another type):
 * keyset pages equal one read of everything, with ties, mixed directions, missing keys and rows inserted meanwhile.
 */
class NullableOrderOnPostgresTest {

    /** The typed path: numbers only, NULL for anything else (as the documents' palisade_doc_number is). */
    static final Catalog CATALOG = Items.CATALOG.withPath("data.total", FieldType.NUMBER,
            "(CASE WHEN jsonb_typeof(i.data #> '{total}') = 'number' THEN CAST(i.data #>> '{total}' AS numeric) END)");
    static final Scope TENANT = Scope.of("i.tenant_id = ?", "n");

    private static TestDatabase db;
    private static Connection c;

    @BeforeAll
    static void seed() throws SQLException {
        db = TestDatabase.provision();
        c = db.connect(db.superuser());
        Items.create(c);
        // Totals with ties, JSON null, missing keys and other JSON types; names and qty with ties too.
        String[] totals = {"1", "1", "2", "null", null, "\"a\"", "\"b\"", "true", "1.0", null, "2", "{\"x\":1}",
                "[1]", "null", "0.5", "\"a\""};
        StringBuilder insert = new StringBuilder("INSERT INTO items VALUES ");
        for (int i = 0; i < totals.length; i++) {
            String data = totals[i] == null ? "{\"n\":" + i + "}" : "{\"total\":" + totals[i] + "}";
            insert.append(i == 0 ? "" : ", ").append("('n', gen_random_uuid(), 'name").append(i % 3).append("', ")
                    .append(i % 4).append(", 1, true, now(), '").append(data).append("')");
        }
        try (Statement st = c.createStatement()) {
            st.execute(insert.toString());
        }
    }

    @AfterAll
    static void drop() throws SQLException {
        c.close();
        db.close();
    }

    private static Page page(Catalog catalog, Query q) throws SQLException {
        return QueryRunner.page(catalog, q, TENANT, new JdbcExecutor(c), Duration.ofSeconds(5));
    }

    private static List<String> allPages(Catalog catalog, Query q) throws SQLException {
        List<String> ids = new ArrayList<>();
        String cursor = q.cursor();
        for (int guard = 0; guard < 100; guard++) {
            Page p = page(catalog, q.after(cursor));
            p.items().forEach(r -> ids.add(r.get("id").toString()));
            cursor = p.next();
            if (cursor == null) {
                return ids;
            }
        }
        throw new AssertionError("paging did not end");
    }

    private static List<String> oneRead(Catalog catalog, Query q) throws SQLException {
        return page(catalog, q.limit(1000)).items().stream().map(r -> r.get("id").toString()).toList();
    }

    @Test
    void keysetPagesOnJsonPathsEqualOneReadWithNullsTiesAndMixedDirections() throws SQLException {
        List<Query> orders = List.of(Query.all().orderBy(Order.asc("data.total")),
                Query.all().orderBy(Order.desc("data.total")),
                Query.all().orderBy(Order.asc("data.total"), Order.desc("name")),
                Query.all().orderBy(Order.desc("data.total"), Order.asc("qty"), Order.desc("name")),
                Query.all().orderBy(Order.asc("name"), Order.desc("data.total")),
                Query.all().orderBy(Order.desc("data.n"), Order.asc("data.total")));
        for (Catalog catalog : List.of(Items.CATALOG, CATALOG)) {
            for (Query q : orders) {
                List<String> all = oneRead(catalog, q);
                assertEquals(16, all.size());
                for (int size = 1; size <= 4; size++) {
                    assertEquals(all, allPages(catalog, q.limit(size)), "pages of " + size + " in " + q.orderBy()
                            + (catalog == CATALOG ? " (typed path)" : ""));
                }
            }
        }
    }

    @Test
    void nullsSortLastAscendingAndFirstDescending() throws SQLException {
        List<Object> asc = totals(CATALOG, Order.asc("data.total"));
        assertEquals(List.of("0.5", "1", "1", "1", "2", "2"), numbers(asc.subList(0, 6)), asc.toString());
        assertEquals(List.of(), numbers(asc.subList(6, 16)), "non-numbers sort as NULL, last: " + asc);
        List<Object> desc = totals(CATALOG, Order.desc("data.total"));
        assertEquals(List.of(), numbers(desc.subList(0, 10)), "NULL first descending: " + desc);
        assertEquals(List.of("2", "2", "1", "1", "1", "0.5"), numbers(desc.subList(10, 16)), desc.toString());
        // Untyped: jsonb's order across types (strings, numbers, booleans, arrays, objects), then NULL.
        List<Object> json = totals(Items.CATALOG, Order.asc("data.total"));
        assertEquals("\"a\"", json.get(0).toString());
        assertEquals("{\"x\":1}", json.get(11).toString());
        json.subList(12, 16).forEach(v -> assertTrue(v == null || v.toString().equals("null"),
                "JSON null and missing keys last: " + json));
    }

    /** The numbers among {@code values}, as plain decimals. */
    private static List<String> numbers(List<Object> values) {
        return values.stream().filter(v -> v instanceof JsonText n && n.tree().isNumber())
                .map(v -> ((JsonText) v).tree().decimalValue().stripTrailingZeros()
                        .toPlainString())
                .toList();
    }

    private static List<Object> totals(Catalog catalog, Order order) throws SQLException {
        List<Object> totals = new ArrayList<>();
        for (var row : page(catalog, Query.all().orderBy(order).select(List.of("id", "data.total")).limit(100))
                .items()) {
            Object data = row.get("data");
            totals.add(data instanceof java.util.Map<?, ?> m ? m.get("total") : null);
        }
        return totals;
    }

    @Test
    void concurrentInsertsWithNullKeysNeitherRepeatNorSkipRows() throws SQLException {
        for (Catalog catalog : List.of(Items.CATALOG, CATALOG)) {
            Query q = Query.all().orderBy(Order.asc("data.total")).limit(3);
            Page first = page(catalog, q);
            List<String> seen = new ArrayList<>();
            first.items().forEach(r -> seen.add(r.get("id").toString()));
            String early = java.util.UUID.randomUUID().toString();
            String late = java.util.UUID.randomUUID().toString();
            try (Statement st = c.createStatement()) {
                // Before the page read (below every total: -1 typed, "" in jsonb's order, where strings come first),
                // and after it (no total: NULL sorts last ascending).
                String low = catalog == CATALOG ? "-1" : "\"\"";
                st.execute("INSERT INTO items VALUES ('n', '" + early + "', 'e', 0, 1, true, now(), "
                        + "'{\"total\":" + low + "}'), ('n', '" + late + "', 'l', 0, 1, true, now(), '{}')");
            }
            try {
                List<String> rest = allPages(catalog, q.after(first.next()));
                seen.addAll(rest);
                assertFalse(seen.contains(early), "a row inserted before the cursor is not read late");
                assertTrue(rest.contains(late), "a row with a NULL key inserted meanwhile is read, last");
                assertEquals(seen.size(), seen.stream().distinct().count(), "no row twice: " + seen);
                assertEquals(17, seen.size());
            } finally {
                try (Statement st = c.createStatement()) {
                    st.execute("DELETE FROM items WHERE id IN ('" + early + "', '" + late + "')");
                }
            }
        }
    }

    @Test
    void aTypedPathFiltersByItsExpressionAndChecksValues() throws SQLException {
        String sql = QueryRunner.pageStatement(CATALOG, Query.where(Filters.gt("data.total", 1)), TENANT).sql();
        assertTrue(sql.contains("(CASE WHEN jsonb_typeof(i.data #> '{total}') = 'number' THEN CAST(i.data #>> "
                + "'{total}' AS numeric) END) > ?"), sql);
        assertEquals(2, page(CATALOG, Query.where(Filters.gt("data.total", 1))).items().size());
        QueryException e = org.junit.jupiter.api.Assertions.assertThrows(QueryException.class,
                () -> page(CATALOG, Query.where(Filters.eq("data.total", "abc"))));
        assertTrue(e.getMessage().contains("must be a number"), e.getMessage());
        // isNull keeps its JSON meaning: JSON null and missing keys, not a string.
        assertEquals(4, page(CATALOG, Query.where(Filters.isNull("data.total", true))).items().size());
    }

    @Test
    void forgedJsonCursorValuesAreRefused() {
        String forged = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"o\":[\"data.total\",\"id\"],\"v\":[\"{not json\",\"00000000-0000-0000-0000-000000000001\"]}"
                        .getBytes());
        QueryException e = org.junit.jupiter.api.Assertions.assertThrows(QueryException.class,
                () -> page(Items.CATALOG, Query.all().orderBy(Order.asc("data.total")).after(forged)));
        assertEquals("cursor", e.field());
        String nullId = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"o\":[\"data.total\",\"id\"],\"v\":[null,null]}".getBytes());
        org.junit.jupiter.api.Assertions.assertThrows(QueryException.class,
                () -> page(Items.CATALOG, Query.all().orderBy(Order.asc("data.total")).after(nullId)),
                "the key of the collection is never NULL");
    }
}
