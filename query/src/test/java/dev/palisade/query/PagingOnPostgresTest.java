package dev.palisade.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.palisade.testing.TestDatabase;

/** Ordering, keyset cursors, counts, selection, groups, index use and the statement timeout, on real PostgreSQL. */
class PagingOnPostgresTest {

    private static TestDatabase db;
    private static Connection c;

    @BeforeAll
    static void seed() throws SQLException {
        db = TestDatabase.provision();
        c = db.connect(db.superuser());
        Items.create(c);
    }

    @AfterAll
    static void drop() throws SQLException {
        c.close();
        db.close();
    }

    /** Every page of {@code q}, following {@code next}, as ids. */
    private static List<String> allPages(Query q) throws SQLException {
        List<String> ids = new ArrayList<>();
        String cursor = q.cursor();
        for (int guard = 0; guard < 100; guard++) {
            Page page = Items.page(c, q.after(cursor));
            page.items().forEach(r -> ids.add(r.get("id").toString()));
            cursor = page.next();
            if (cursor == null) {
                return ids;
            }
        }
        throw new AssertionError("paging did not end");
    }

    private static List<String> oneRead(Query q) throws SQLException {
        return Items.page(c, q.limit(1000)).items().stream().map(r -> r.get("id").toString()).toList();
    }

    @Test
    void keysetPagesAreCorrectWithTiesAndMixedDirections() throws SQLException {
        // qty has ties (7, 7), createdAt has ties (two on 01-04), price has ties (9.00, 9.00).
        List<Query> orders = List.of(Query.all().orderBy(Order.desc("qty")),
                Query.all().orderBy(Order.asc("price"), Order.desc("createdAt")),
                Query.all().orderBy(Order.desc("createdAt"), Order.asc("qty")),
                Query.all().orderBy(Order.desc("active"), Order.desc("price"), Order.asc("name")),
                Query.all().orderBy(Order.desc("id")));
        for (Query q : orders) {
            for (int size = 1; size <= 3; size++) {
                assertEquals(oneRead(q), allPages(q.limit(size)), "pages of " + size + " in " + q.orderBy());
            }
        }
        List<Map<String, Object>> byQty = Items.page(c, Query.all().orderBy(Order.desc("qty"))).items();
        assertTrue((long) byQty.get(0).get("qty") >= (long) byQty.get(4).get("qty"));
    }

    @Test
    void concurrentInsertsNeitherRepeatNorSkipRows() throws SQLException {
        Query q = Query.all().orderBy(Order.asc("qty")).limit(2);
        Page first = Items.page(c, q);
        List<String> seen = new ArrayList<>();
        first.items().forEach(r -> seen.add(r.get("id").toString()));
        UUID before = UUID.randomUUID();
        UUID after = UUID.randomUUID();
        try (Statement st = c.createStatement()) {
            // One row sorting before the page already read, one after it: only the later one is still to come.
            st.execute("INSERT INTO items VALUES ('a', '" + before + "', 'early', 0, 1, true, now(), '{}'), ('a', '"
                    + after + "', 'late', 50, 1, true, now(), '{}')");
        }
        try {
            List<String> rest = allPages(q.after(first.next()));
            seen.addAll(rest);
            assertFalse(seen.contains(before.toString()), "a row inserted before the cursor is not read late");
            assertTrue(rest.contains(after.toString()), "a row inserted after the cursor is read");
            assertEquals(seen.size(), seen.stream().distinct().count(), "no row twice: " + seen);
            assertEquals(6, seen.size());
        } finally {
            try (Statement st = c.createStatement()) {
                st.execute("DELETE FROM items WHERE id IN ('" + before + "', '" + after + "')");
            }
        }
    }

    @Test
    void cursorsOfAnotherOrderingOrForgedAreRefused() throws SQLException {
        String next = Items.page(c, Query.all().orderBy(Order.desc("qty")).limit(1)).next();
        QueryException e = assertThrows(QueryException.class,
                () -> Items.page(c, Query.all().orderBy(Order.asc("qty")).after(next)));
        assertEquals("cursor", e.field());
        assertThrows(QueryException.class, () -> Items.page(c, Query.all().after("not-a-cursor!")));
        String forged = java.util.Base64.getUrlEncoder().encodeToString(
                "{\"o\":[\"name\",\"id\"],\"v\":[\"x' OR 1=1 --\",\"zzz\"]}".getBytes());
        assertThrows(QueryException.class, () -> Items.page(c, Query.all().after(forged)),
                "a cursor's values are typed and bound like any value");
    }

    @Test
    void countSelectAndDefaultLimit() throws SQLException {
        Page page = Items.page(c, Query.where(Filters.eq("active", true)).counted(true).limit(2));
        assertEquals(3L, page.total());
        assertEquals(2, page.items().size());
        assertNull(Items.page(c, Query.all()).total(), "no total unless asked");
        assertEquals(50, Query.all().limit());
        assertThrows(QueryException.class, () -> Query.all().limit(1001));
        Map<String, Object> row = Items.page(c, Query.where(Filters.eq("name", "apple"))
                .select(List.of("id", "data.customer.country", "data.total"))).items().get(0);
        assertEquals(List.of("id", "data"), List.copyOf(row.keySet()));
        Map<?, ?> data = (Map<?, ?>) row.get("data");
        assertEquals("DE",
                ((Map<?, ?>) data.get("customer")).get("country") instanceof JsonText n ? n.tree().asText() : null);
        assertEquals(100, ((JsonText) data.get("total")).tree().asInt());
        Map<String, Object> all = Items.page(c, Query.where(Filters.eq("name", "apple"))).items().get(0);
        assertEquals(List.of("id", "name", "qty", "price", "active", "createdAt", "data"), List.copyOf(all.keySet()));
    }

    @Test
    void groupsWithAggregatesAndHaving() throws SQLException {
        List<Aggregate> aggregates = List.of(Aggregate.count(), Aggregate.of(Aggregate.Fn.SUM, "qty"),
                Aggregate.of(Aggregate.Fn.AVG, "price"), Aggregate.of(Aggregate.Fn.MIN, "createdAt"),
                Aggregate.of(Aggregate.Fn.MAX, "data.total"));
        List<Map<String, Object>> groups = Items.groups(c, Query.all().groupBy(List.of("active"), aggregates,
                Filter.all()));
        assertEquals(2, groups.size());
        Map<String, Object> inactive = groups.get(0);
        assertEquals(false, inactive.get("active"));
        assertEquals(2L, inactive.get("_count"));
        assertEquals(0, new BigDecimal("9").compareTo((BigDecimal) inactive.get("_sum.qty")));
        assertEquals(0, new BigDecimal("5.625").compareTo((BigDecimal) inactive.get("_avg.price")));
        assertEquals(0, new BigDecimal("250.5").compareTo((BigDecimal) inactive.get("_max.data.total")));
        List<Map<String, Object>> busy = Items.groups(c, Query.all().groupBy(List.of("data.status"),
                List.of(Aggregate.count()), Filters.gte("_count", 2)));
        assertEquals(1, busy.size(), busy.toString());
        assertEquals("open", ((JsonText) ((Map<?, ?>) busy.get(0).get("data")).get("status")).tree().asText());
        Groups bounded = QueryRunner.groups(Items.CATALOG, Query.all().groupBy(List.of("name"), List.of(),
                Filter.all()).limit(2), Items.TENANT_A, new JdbcExecutor(c), null);
        assertTrue(bounded.truncated());
        assertEquals(2, bounded.groups().size());
        assertThrows(QueryException.class, () -> Items.groups(c, Query.all().groupBy(List.of("name"),
                List.of(Aggregate.of(Aggregate.Fn.SUM, "name")), Filter.all())));
        assertThrows(QueryException.class, () -> Items.groups(c, Query.all().groupBy(List.of("name"), List.of(),
                Filters.gt("_cuont", 1))));
    }

    @Test
    void filtersAndOrderingsOnIndexedFieldsUseTheirIndex() throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TABLE big AS SELECT * FROM items WHERE false");
            st.execute("""
                    INSERT INTO big SELECT 't' || (g % 50), gen_random_uuid(), 'name-' || g, g % 100, g, g % 2 = 0,
                           timestamptz '2026-01-01' + g * interval '1 minute', jsonb_build_object('n', g)
                      FROM generate_series(1, 50000) g""");
            st.execute("ALTER TABLE big ADD PRIMARY KEY (tenant_id, id)");
            st.execute("CREATE INDEX big_name_ix ON big (tenant_id, name)");
            st.execute("CREATE INDEX big_created_ix ON big (tenant_id, created_at)");
            st.execute("ANALYZE big");
        }
        Catalog big = Catalog.of("big", "big i", "id").with(Field.indexed("id", FieldType.UUID, "i.id"))
                .with(Field.indexed("name", FieldType.TEXT, "i.name"))
                .with(Field.indexed("createdAt", FieldType.TIMESTAMP, "i.created_at"));
        Scope scope = Scope.of("i.tenant_id = ?", "t7");
        assertIndex(big, Query.where(Filters.eq("name", "name-107")), scope, "big_name_ix");
        assertIndex(big, Query.where(Filters.gte("createdAt", "2026-01-20T00:00:00Z")).orderBy(Order.asc("createdAt")),
                scope, "big_created_ix");
        assertIndex(big, Query.where(Filters.eq("id", UUID.randomUUID().toString())), scope, "big_pkey");
        try (Statement st = c.createStatement()) {
            st.execute("DROP TABLE big");
        }
    }

    private static void assertIndex(Catalog catalog, Query q, Scope scope, String index) throws SQLException {
        Compiler.PageSql page = Compiler.page(catalog, q, scope);
        try (var st = c.prepareStatement("EXPLAIN " + page.statement().sql())) {
            for (int i = 0; i < page.statement().parameters().size(); i++) {
                st.setObject(i + 1, page.statement().parameters().get(i));
            }
            StringBuilder plan = new StringBuilder();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    plan.append(rs.getString(1)).append('\n');
                }
            }
            assertTrue(plan.toString().contains(index), "expected " + index + " in\n" + plan);
        }
    }

    @Test
    void aQueryOverItsStatementTimeoutIsCancelled() throws SQLException {
        Catalog slow = Catalog.of("slow", "items i, LATERAL (SELECT pg_sleep(0.2)) s", "id")
                .with(Field.indexed("id", FieldType.UUID, "i.id"));
        c.setAutoCommit(false);
        QueryTimeoutException e = assertThrows(QueryTimeoutException.class, () -> QueryRunner.page(slow, Query.all(),
                Items.TENANT_A, new JdbcExecutor(c), Duration.ofMillis(100)));
        assertTrue(e.getMessage().contains("declare an index"), e.getMessage());
        c.rollback();
        c.setAutoCommit(true);
    }
}
