package dev.palisade.api.documents;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.palisade.api.support.TenantFixture;
import dev.palisade.documents.store.DocumentQueries;
import dev.palisade.query.Filters;
import dev.palisade.query.Order;
import dev.palisade.query.Query;
import dev.palisade.query.QueryRunner;
import dev.palisade.tenancy.TenantId;
import dev.palisade.testing.PostgresTestResource;
import dev.palisade.testing.TestSql;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Filters and orderings on a declared index's path compile to the expression the index is built on, and PostgreSQL
 * uses the index: EXPLAIN of the statements the service runs, on collections seeded large enough (30,000 customers
 * and 30,000 orders in each of two tenants) that a scan would cost more.
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
            for (TenantFixture t : java.util.List.of(a, b)) {
                st.execute("""
                        INSERT INTO documents SELECT '%1$s', 'customers', 'c' || g, jsonb_build_object('email',
                               'c' || g || '@example.com', 'name', 'C' || g), now(), now(), 0
                          FROM generate_series(1, 30000) g;
                        INSERT INTO documents SELECT '%1$s', 'orders', 'o' || g, jsonb_build_object('customerId',
                               'c' || (g %% 300), 'total', g %% 1000, 'note', 'n' || g), now(), now(), 0
                          FROM generate_series(1, 30000) g""".formatted(t.id()));
            }
            st.execute("ANALYZE documents");
        }
    }

    @Test
    void equalityOnADeclaredIndexUsesIt() throws Exception {
        assertUses("customers", Query.where(Filters.eq("data.email", "c123@example.com")), "doc_customers__email");
        assertUses("orders", Query.where(Filters.eq("data.customerId", "c17")), "doc_orders__by_customer");
        assertUses("orders", Query.where(Filters.and(Filters.eq("data.customerId", "c17"),
                Filters.gt("data.total", 500))), "doc_orders__by_customer");
    }

    @Test
    void aRangeOnADeclaredIndexUsesIt() throws Exception {
        assertUses("orders", Query.where(Filters.range("data.customerId", "c100", "c102")),
                "doc_orders__by_customer");
        assertUses("customers", Query.where(Filters.and(Filters.gte("data.email", "c1000@"),
                Filters.lt("data.email", "c1001@"))), "doc_customers__email");
    }

    @Test
    void orderingByADeclaredIndexUsesIt() throws Exception {
        assertUses("orders", Query.all().orderBy(Order.asc("data.customerId")), "doc_orders__by_customer");
        assertUses("orders", Query.all().orderBy(Order.desc("data.customerId")), "doc_orders__by_customer");
        assertUses("customers", Query.all().orderBy(Order.asc("data.email")).limit(20), "doc_customers__email");
    }

    private void assertUses(String collection, Query query, String index) throws Exception {
        String plan = explain(collection, query);
        assertTrue(plan.contains(index), "expected " + index + " in\n" + plan);
        assertFalse(plan.contains("Seq Scan"), plan);
    }

    private String explain(String collection, Query query) throws Exception {
        seed();
        var statement = QueryRunner.pageStatement(queries.catalog(collection), query,
                queries.scope(collection, tenant));
        try (Connection c = TestSql.superuser();
                PreparedStatement st = c.prepareStatement("EXPLAIN " + statement.sql())) {
            for (int i = 0; i < statement.parameters().size(); i++) {
                st.setObject(i + 1, statement.parameters().get(i));
            }
            StringBuilder plan = new StringBuilder();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    plan.append(rs.getString(1)).append('\n');
                }
            }
            return plan.toString();
        }
    }
}
