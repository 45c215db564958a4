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
 * Filters and orderings on a declared index's path compile to the expression the index is built on: EXPLAIN of the
 * statements the service runs, on collections seeded large enough (30,000 customers and 30,000 orders in each of two
 * tenants) that a scan would cost more. Orderings use the index as the service role, under row-level security.
 * Filters use it as a role that row-level security does not bind (the plan proves the expressions match); as the
 * service role PostgreSQL refuses a non-{@code LEAKPROOF} function ({@code #>}, the extractors) as an index condition
 * below the policy, so a filter is bounded by the tenant's collection ({@code documents_pk}) instead: see
 * query/README.md, "Declared indexes under row-level security".
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
    void equalityOnADeclaredIndexCompilesToItsExpression() throws Exception {
        assertUses("customers", Query.where(Filters.eq("data.email", "c123@example.com")), "doc_customers__email");
        assertUses("orders", Query.where(Filters.eq("data.customerId", "c17")), "doc_orders__by_customer");
        assertUses("orders", Query.where(Filters.and(Filters.eq("data.customerId", "c17"),
                Filters.gt("data.total", 500))), "doc_orders__by_customer");
    }

    @Test
    void aRangeOnADeclaredIndexCompilesToItsExpression() throws Exception {
        assertUses("orders", Query.where(Filters.range("data.customerId", "c100", "c102")),
                "doc_orders__by_customer");
        assertUses("customers", Query.where(Filters.and(Filters.gte("data.email", "c1000@"),
                Filters.lt("data.email", "c1001@"))), "doc_customers__email");
    }

    @Test
    void orderingByADeclaredIndexUsesItUnderRowLevelSecurity() throws Exception {
        assertServiceRoleUses("orders", Query.all().orderBy(Order.asc("data.customerId")), "doc_orders__by_customer");
        assertServiceRoleUses("orders", Query.all().orderBy(Order.desc("data.customerId")),
                "doc_orders__by_customer");
        assertServiceRoleUses("customers", Query.all().orderBy(Order.asc("data.email")).limit(20),
                "doc_customers__email");
    }

    @Test
    void underRowLevelSecurityAFilterIsBoundedByTheTenantsCollection() throws Exception {
        String plan = explain("customers", Query.where(Filters.eq("data.email", "c123@example.com")), true);
        assertTrue(plan.matches("(?s).*Index Cond: \\(\\(tenant_id = '[^']+'::text\\) AND \\(collection = "
                + "'customers'::text\\)\\).*"), "expected a range of the tenant's collection in\n" + plan);
        assertFalse(plan.contains("Seq Scan"), plan);
    }

    private void assertUses(String collection, Query query, String index) throws Exception {
        String plan = explain(collection, query, false);
        assertTrue(plan.contains(index), "expected " + index + " in\n" + plan);
        assertFalse(plan.contains("Seq Scan"), plan);
    }

    private void assertServiceRoleUses(String collection, Query query, String index) throws Exception {
        String plan = explain(collection, query, true);
        assertTrue(plan.contains(index), "expected " + index + " in\n" + plan);
        assertFalse(plan.contains("Seq Scan"), plan);
    }

    /** EXPLAIN as the service role with the tenant bound (what the service gets), or as the superuser. */
    private String explain(String collection, Query query, boolean asServiceRole) throws Exception {
        seed();
        var statement = QueryRunner.pageStatement(queries.catalog(collection), query,
                queries.scope(collection, tenant));
        try (Connection c = asServiceRole ? TestSql.app() : TestSql.superuser()) {
            c.setAutoCommit(false);
            try (PreparedStatement bind = c.prepareStatement("SELECT set_config('app.tenant_id', ?, true)")) {
                bind.setString(1, tenant.value());
                bind.executeQuery().close();
            }
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
