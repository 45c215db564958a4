package dev.palisade.api.documents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.palisade.api.support.TenantFixture;
import dev.palisade.documents.store.DocumentQueries;
import dev.palisade.query.Filter;
import dev.palisade.query.Filters;
import dev.palisade.query.JdbcExecutor;
import dev.palisade.query.Order;
import dev.palisade.query.Page;
import dev.palisade.query.Query;
import dev.palisade.query.QueryRunner;
import dev.palisade.tenancy.TenantId;
import dev.palisade.testing.PostgresTestResource;
import dev.palisade.testing.TestSql;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Filters and orderings on a declared index's path use the index as the service role, under row-level security:
 * EXPLAIN of the statements the service runs, on collections seeded large enough (30,000 customers and 30,000 orders
 * in each of two tenants) that a scan would cost more. A filter is an {@code Index Cond} on the index's expression
 * because that expression is a LEAKPROOF extractor ({@code deploy/postgres/document-extractors.sql}) compared by a
 * LEAKPROOF operator; a number by its float8 key, rechecked exactly (query/README.md, "Declared indexes under
 * row-level security").
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class DocumentIndexUseTest {

    @Inject
    DocumentQueries queries;

    /** The seeded tenant, once for the class (the HTTP server is up only once a test runs). */
    private static TenantId tenant;

    private static synchronized void seed() throws Exception {
        if (tenant != null) {
            return;
        }
        TenantFixture a = TenantFixture.create("dqplan");
        TenantFixture b = TenantFixture.create("dqplanb");
        tenant = TenantId.of(a.id());
        try (Connection c = TestSql.superuser(); Statement st = c.createStatement()) {
            for (TenantFixture t : List.of(a, b)) {
                st.execute("""
                        INSERT INTO documents SELECT '%1$s', 'customers', 'c' || g, jsonb_build_object('email',
                               'c' || g || '@example.com', 'name', 'C' || g,
                               'tier', (ARRAY['free', 'pro', 'enterprise'])[g %% 3 + 1],
                               'signedUpAt', to_char(timestamptz '2025-01-01 00:00:00Z' + g * interval '17 minutes',
                                                     'YYYY-MM-DD"T"HH24:MI:SS"Z"')), now(), now(), 0
                          FROM generate_series(1, 30000) g;
                        INSERT INTO documents SELECT '%1$s', 'orders', 'o' || g, jsonb_build_object('customerId',
                               'c' || (g %% 300), 'total', g %% 1000 + (g %% 7) / 4.0, 'paid', g %% 100 = 0,
                               'note', 'n' || g), now(), now(), 0
                          FROM generate_series(1, 30000) g;
                        INSERT INTO documents VALUES
                          ('%1$s', 'orders', 'exact-above', '{"customerId": "cx", "total": 100.00000000000000001}',
                           now(), now(), 0),
                          ('%1$s', 'orders', 'exact-100', '{"customerId": "cx", "total": 100}', now(), now(), 0),
                          ('%1$s', 'orders', 'exact-below', '{"customerId": "cx", "total": 99.99999999999999999}',
                           now(), now(), 0),
                          ('%1$s', 'orders', 'huge', '{"customerId": "cx", "total": 1e400}', now(), now(), 0),
                          ('%1$s', 'orders', 'tiny', '{"customerId": "cx", "total": 1e-400}', now(), now(), 0),
                          ('%1$s', 'orders', 'none', '{"customerId": "cx"}', now(), now(), 0)
                        """.formatted(t.id()));
            }
            st.execute("ANALYZE documents");
        }
    }

    @Test
    void textEqualityIsAnIndexCondition() throws Exception {
        assertIndexCondition("customers", Query.where(Filters.eq("data.email", "c123@example.com")),
                "doc_customers__email", "palisade_doc_text(data, '{email}'::text[]) = ");
        assertIndexCondition("customers", Query.where(Filters.in("data.email", "c1@example.com",
                "c2@example.com")), "doc_customers__email", "palisade_doc_text(data, '{email}'::text[]) = ANY");
        assertIndexCondition("orders", Query.where(Filters.eq("data.customerId", "c17")), "doc_orders__by_customer",
                "palisade_doc_text(data, '{customerId}'::text[]) = ");
    }

    @Test
    void textRangeIsAnIndexCondition() throws Exception {
        assertIndexCondition("customers", Query.where(Filters.and(Filters.gte("data.email", "c1000@"),
                Filters.lt("data.email", "c1001@"))), "doc_customers__email",
                "palisade_doc_text(data, '{email}'::text[]) >= ");
    }

    @Test
    void numberRangeIsAnIndexConditionOnItsFloat8Key() throws Exception {
        assertIndexCondition("orders", Query.where(Filters.and(Filters.eq("data.customerId", "c17"),
                Filters.range("data.total", 100, 200))), "doc_orders__by_customer",
                "palisade_doc_number_key(data, '{total}'::text[]) >= ");
        assertIndexCondition("orders", Query.where(Filters.and(Filters.eq("data.customerId", "c17"),
                Filters.gt("data.total", 990))), "doc_orders__by_customer",
                "palisade_doc_number_key(data, '{total}'::text[]) >= ");
    }

    @Test
    void booleanEqualityIsAnIndexCondition() throws Exception {
        assertIndexCondition("orders", Query.where(Filters.and(Filters.eq("data.paid", true),
                Filters.range("data.total", 500, 510))), "doc_orders__by_paid",
                "palisade_doc_boolean(data, '{paid}'::text[]) = true");
        assertIndexCondition("orders", Query.where(Filters.eq("data.paid", true)).orderBy(Order.desc("data.total"))
                .limit(20), "doc_orders__by_paid", "palisade_doc_boolean(data, '{paid}'::text[]) = true");
    }

    /**
     * A bare boolean on skewed data (1% of orders paid), in id order: PostgreSQL keeps no statistics of a partial
     * index's expressions, and without the declared index's statistics objects (DeclaredIndex#createStatisticsSql) it
     * prices the filter at a third of the rows and walks the tenant's primary key, filtering; with them it knows the
     * share and takes the declared index.
     */
    @Test
    void bareBooleanOnSkewedDataUsesTheIndex() throws Exception {
        Query paid = Query.where(Filters.eq("data.paid", true)).limit(20);
        assertIndexCondition("orders", paid, "doc_orders__by_paid",
                "palisade_doc_boolean(data, '{paid}'::text[]) = true");
        assertEstimateReflectsTheData("orders", Query.where(Filters.eq("data.paid", true)), 300);
    }

    /** A one-sided inequality on a number (1% of orders above 990), in id order: priced from the data too. */
    @Test
    void oneSidedNumberInequalityOnSkewedDataUsesTheIndex() throws Exception {
        Query large = Query.where(Filters.gt("data.total", 990)).limit(20);
        String plan = explain("orders", large);
        assertTrue(plan.contains("doc_orders__by_"), "expected a declared index of orders in\n" + plan);
        assertTrue(plan.lines().anyMatch(l -> l.strip().startsWith("Index Cond:")
                && l.contains("palisade_doc_number_key(data, '{total}'::text[]) >= ")), plan);
        assertFalse(plan.contains("documents_pk") || plan.contains("Seq Scan"), plan);
        assertEstimateReflectsTheData("orders", Query.where(Filters.gt("data.total", 990)), 300);
    }

    @Test
    void timestampRangeIsAnIndexCondition() throws Exception {
        assertIndexCondition("customers", Query.where(Filters.and(Filters.eq("data.tier", "pro"),
                Filters.range("data.signedUpAt", "2025-02-01T00:00:00Z", "2025-02-02T00:00:00Z"))),
                "doc_customers__tier", "palisade_doc_timestamp(data, '{signedUpAt}'::text[]) >= ");
    }

    @Test
    void isNullIsAnIndexCondition() throws Exception {
        assertIndexCondition("customers", Query.where(Filters.isNull("data.email", true)), "doc_customers__email",
                "palisade_doc_text(data, '{email}'::text[]) IS NULL");
    }

    @Test
    void orderingByADeclaredIndexUsesIt() throws Exception {
        assertUses("orders", Query.all().orderBy(Order.asc("data.customerId")), "doc_orders__by_customer");
        assertUses("orders", Query.all().orderBy(Order.desc("data.customerId")), "doc_orders__by_customer");
        assertUses("customers", Query.all().orderBy(Order.asc("data.email")).limit(20), "doc_customers__email");
        assertUses("orders", Query.where(Filters.eq("data.paid", true)).orderBy(Order.desc("data.total")).limit(20),
                "doc_orders__by_paid");
    }

    @Test
    void numberConditionsStayExactBeyondFloat8Precision() throws Exception {
        Filter cx = Filters.eq("data.customerId", "cx");
        assertEquals(List.of("exact-100"), ids(Filters.and(cx, Filters.eq("data.total", 100))));
        assertEquals(List.of("exact-above"),
                ids(Filters.and(cx, Filters.eq("data.total", new BigDecimal("100.00000000000000001")))));
        assertEquals(List.of("exact-above", "huge"), ids(Filters.and(cx, Filters.gt("data.total", 100))));
        assertEquals(List.of("exact-100", "exact-above", "huge"), ids(Filters.and(cx, Filters.gte("data.total",
                100))));
        assertEquals(List.of("exact-below", "tiny"), ids(Filters.and(cx, Filters.lt("data.total", 100))));
        assertEquals(List.of("exact-100", "exact-below"), ids(Filters.and(cx, Filters.range("data.total",
                new BigDecimal("99.99999999999999999"), 100))));
        assertEquals(List.of("exact-100", "exact-below"), ids(Filters.and(cx, Filters.in("data.total", 100,
                new BigDecimal("99.99999999999999999")))));
        assertEquals(List.of("huge"), ids(Filters.and(cx, Filters.gt("data.total", new BigDecimal("1e399")))));
        assertEquals(List.of("tiny"), ids(Filters.and(cx, Filters.eq("data.total", new BigDecimal("1e-400")))));
        assertEquals(List.of("none"), ids(Filters.and(cx, Filters.isNull("data.total", true))));
        // Ordered by the exact number, though the first three share one float8 key, page by page.
        assertEquals(List.of("tiny", "exact-below", "exact-100", "exact-above", "huge", "none"),
                orderedIds(Query.where(cx).orderBy(Order.asc("data.total")).limit(2)));
        assertEquals(List.of("none", "huge", "exact-above", "exact-100", "exact-below", "tiny"),
                orderedIds(Query.where(cx).orderBy(Order.desc("data.total")).limit(2)));
    }

    private List<String> ids(Filter filter) throws Exception {
        return orderedIds(Query.where(filter).orderBy(Order.asc("id")).limit(100));
    }

    /** Every page of {@code query}, as the service role with the tenant bound: the ids in order. */
    private List<String> orderedIds(Query query) throws Exception {
        seed();
        List<String> ids = new ArrayList<>();
        try (Connection c = bound()) {
            Query next = query;
            while (true) {
                Page page = QueryRunner.page(queries.catalog("orders"), next, queries.scope("orders", tenant),
                        new JdbcExecutor(c), Duration.ofSeconds(30));
                page.items().forEach(item -> ids.add((String) ((Map<?, ?>) item).get("id")));
                if (page.next() == null) {
                    break;
                }
                next = next.after(page.next());
            }
            c.rollback();
        }
        return ids;
    }

    private void assertIndexCondition(String collection, Query query, String index, String condition)
            throws Exception {
        String plan = explain(collection, query);
        assertTrue(plan.contains(index), "expected " + index + " in\n" + plan);
        String indexCond = plan.lines().filter(l -> l.strip().startsWith("Index Cond:")).findFirst().orElse("");
        assertTrue(indexCond.contains(condition), "expected an Index Cond with " + condition + " in\n" + plan);
        assertFalse(Pattern.compile("Filter:.*" + Pattern.quote(condition)).matcher(plan).find(),
                "the condition must not be left to a filter:\n" + plan);
        assertFalse(plan.contains("Seq Scan"), plan);
    }

    /**
     * The planner's row estimate for {@code query}'s scan is near {@code actual} (what the seed holds), far from the
     * default third of the tenant's collection (10,000): at most four times it, and at least an eighth (a number's
     * exact recheck on numeric, whose comparisons are not LEAKPROOF, is still priced at a default third under
     * row-level security; and the statistics span every tenant).
     */
    private void assertEstimateReflectsTheData(String collection, Query query, int actual) throws Exception {
        String plan = explain(collection, query);
        var scan = Pattern.compile("Scan .*rows=(\\d+)").matcher(plan);
        assertTrue(scan.find(), plan);
        long estimate = Long.parseLong(scan.group(1));
        assertTrue(estimate >= actual / 8 && estimate <= actual * 4, "estimated " + estimate + " rows, the tenant "
                + "holds " + actual + ":\n" + plan);
    }

    private void assertUses(String collection, Query query, String index) throws Exception {
        String plan = explain(collection, query);
        assertTrue(plan.contains(index), "expected " + index + " in\n" + plan);
        assertFalse(plan.contains("Seq Scan"), plan);
    }

    /** A service-role connection in a transaction bound to the seeded tenant (what the service gets). */
    private static Connection bound() throws Exception {
        Connection c = TestSql.app();
        c.setAutoCommit(false);
        try (PreparedStatement bind = c.prepareStatement("SELECT set_config('app.tenant_id', ?, true)")) {
            bind.setString(1, tenant.value());
            bind.executeQuery().close();
        }
        return c;
    }

    /** EXPLAIN as the service role with the tenant bound. */
    private String explain(String collection, Query query) throws Exception {
        seed();
        var statement = QueryRunner.pageStatement(queries.catalog(collection), query,
                queries.scope(collection, tenant));
        try (Connection c = bound()) {
            PreparedStatement st = c.prepareStatement("EXPLAIN " + statement.sql());
            for (int i = 0; i < statement.parameters().size(); i++) {
                st.setObject(i + 1, statement.parameters().get(i));
            }
            StringBuilder plan = new StringBuilder();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    plan.append(rs.getString(1)).append('\n');
                }
            }
            c.rollback();
            return plan.toString();
        }
    }
}
