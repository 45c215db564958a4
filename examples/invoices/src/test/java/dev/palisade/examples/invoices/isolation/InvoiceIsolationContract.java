package dev.palisade.examples.invoices.isolation;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;

import jakarta.inject.Inject;
import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import dev.palisade.examples.invoices.customer.Customer;
import dev.palisade.examples.invoices.customer.CustomerRepository;
import dev.palisade.examples.invoices.invoice.Invoice;
import dev.palisade.examples.invoices.invoice.InvoiceStatus;
import dev.palisade.examples.invoices.support.RecordingStatementInspector;
import dev.palisade.examples.invoices.support.TestTenant;
import dev.palisade.tenancy.context.TenantScope;
import dev.palisade.tenancy.registry.TenantRegistry;
import dev.palisade.testing.TestSql;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The isolation guarantee for this service's own entities, run with both walls ({@link InvoiceIsolationTest}), the
 * Hibernate filter alone ({@link InvoiceIsolationWithoutRowLevelSecurityTest}) and row-level security alone
 * ({@link InvoiceIsolationWithoutHibernateFilterTest}): over REST, through Panache, and in native SQL through the
 * service's datasource. Nothing here binds a tenant to a transaction: the platform does.
 */
abstract class InvoiceIsolationContract {

    static final List<String> TENANT_TABLES = List.of("customers", "invoices");

    @Inject
    TenantScope tenantScope;
    @Inject
    CustomerRepository customers;
    @Inject
    DataSource dataSource;
    @Inject
    TenantRegistry registry;

    /** Tenants A and B, each with a customer and an invoice numbered the same. */
    record World(TestTenant a, TestTenant b, String aCustomer, String bCustomer, String aInvoice, String bInvoice) {
    }

    World world() {
        TestTenant a = TestTenant.create(registry, "inv-a");
        TestTenant b = TestTenant.create(registry, "inv-b");
        String aCustomer = customer(a);
        String bCustomer = customer(b);
        return new World(a, b, aCustomer, bCustomer, invoice(a, aCustomer), invoice(b, bCustomer));
    }

    @Test
    void otherTenantsInvoiceIsNotFoundForEveryMethodAndStaysUnchanged() {
        World w = world();
        String before = snapshotOf(w.b());
        w.a().request().get("/invoices/" + w.bInvoice()).then().statusCode(404);
        w.a().request().post("/invoices/" + w.bInvoice() + "/pay").then().statusCode(404);
        w.a().request().delete("/invoices/" + w.bInvoice()).then().statusCode(404);
        w.a().request().get("/customers/" + w.bCustomer()).then().statusCode(404);
        w.a().post("/invoices", invoiceJson(w.bCustomer(), "INV-2")).statusCode(404);
        assertEquals(before, snapshotOf(w.b()), "tenant B's rows must be unchanged");
        assertEquals(0, TestSql.count("SELECT count(*) FROM invoices WHERE number = 'INV-2'"),
                "an invoice of another tenant's customer must exist for no tenant");
    }

    @Test
    void listsNeverIncludeOtherTenants() {
        World w = world();
        w.a().request().get("/invoices").then().statusCode(200).body("id", contains(w.aInvoice()));
        w.a().request().get("/invoices?status=OPEN").then().statusCode(200).body("id", contains(w.aInvoice()));
        w.a().request().get("/customers").then().statusCode(200).body("id", contains(w.aCustomer()));
        w.b().request().get("/invoices").then().statusCode(200).body("id", contains(w.bInvoice()));
    }

    @Test
    void sameInvoiceNumberInTwoTenantsStaysIndependent() {
        World w = world();
        w.a().request().post("/invoices/" + w.aInvoice() + "/pay").then().statusCode(200)
                .body("status", equalTo("PAID"));
        w.b().request().get("/invoices/" + w.bInvoice()).then().statusCode(200).body("status", equalTo("OPEN"))
                .body("number", equalTo("INV-1"));
        w.a().post("/invoices", invoiceJson(w.aCustomer(), "INV-1")).statusCode(409);
    }

    @Test
    void tenantIdInARequestBodyIsRejected() {
        World w = world();
        w.a().post("/invoices", "{\"customerId\":\"" + w.aCustomer() + "\",\"number\":\"SNEAKY\",\"amountCents\":1,"
                + "\"tenantId\":\"" + w.b().id() + "\"}").statusCode(400);
        assertEquals(0, TestSql.count("SELECT count(*) FROM invoices WHERE number = 'SNEAKY'"));
    }

    @Test
    void anotherTenantsKeyOpensNothing() {
        World w = world();
        w.a().requestWithKeyOf(w.b()).get("/invoices").then().statusCode(401);
        w.b().requestWithKeyOf(w.a()).get("/invoices/" + w.bInvoice()).then().statusCode(401);
    }

    @Test
    void panacheQueriesSeeOnlyTheCurrentTenant() {
        World w = world();
        as(w.a(), () -> {
            assertNull(Invoice.findById(UUID.fromString(w.bInvoice())), "findById of B's invoice");
            assertNull(customers.findById(UUID.fromString(w.bCustomer())), "repository findById of B's customer");
            assertEquals(1, Invoice.count(), "count");
            assertEquals(1, customers.count(), "repository count");
            assertEquals(List.of(w.aInvoice()), ids(Invoice.listAll()), "listAll");
            assertEquals(List.of(w.aInvoice()), ids(Invoice.find("number", "INV-1").list()), "find by number");
            assertEquals(List.of(w.aInvoice()), ids(Invoice.withStatus(InvoiceStatus.OPEN)), "named query method");
            assertEquals(0, Invoice.count("customer.id", UUID.fromString(w.bCustomer())), "count by B's customer");
            return null;
        });
    }

    @Test
    void panacheWritesNeverReachAnotherTenantsRows() {
        World w = world();
        String before = snapshotOf(w.b());
        UUID bInvoice = UUID.fromString(w.bInvoice());
        as(w.a(), () -> {
            assertEquals(0, Invoice.update("status = ?1 where id = ?2", InvoiceStatus.PAID, bInvoice), "bulk update");
            assertEquals(0, Invoice.delete("id", bInvoice), "bulk delete");
            assertFalse(Invoice.deleteById(bInvoice), "deleteById");
            return null;
        });
        assertEquals(before, snapshotOf(w.b()), "tenant B's rows must be unchanged");
    }

    @Test
    void persistStampsTheCurrentTenant() {
        World w = world();
        UUID id = as(w.a(), () -> {
            Customer c = new Customer();
            c.id = UUID.randomUUID();
            c.name = "Stamped";
            c.createdAt = Instant.now();
            customers.persist(c);
            return c.id;
        });
        assertEquals(1, TestSql.count("SELECT count(*) FROM customers WHERE id = ? AND tenant_id = ?", id,
                w.a().id()), "the new customer belongs to the tenant that persisted it");
    }

    @Test
    void nativeSqlThroughTheServiceDatasourceSeesOnlyTheCurrentTenant() {
        World w = world();
        assertEquals(1L, as(w.a(), () -> nativeCount("SELECT count(*) FROM invoices")),
                "entity manager: tenant A counts exactly its own invoice");
        assertEquals(0L, as(w.a(), () -> nativeCount("SELECT count(*) FROM invoices WHERE tenant_id = '"
                + w.b().id() + "'")), "entity manager: tenant A counts none of B's invoices");
        assertEquals(1L, as(w.a(), () -> jdbcCount("SELECT count(*) FROM customers")),
                "JDBC on the datasource: tenant A counts exactly its own customer");
        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> jdbcCount("SELECT count(*) FROM invoices")),
                "with no tenant set, native SQL sees no rows at all");
    }

    @Test
    void withNoTenantPanacheSeesNothing() {
        world();
        long invoices = QuarkusTransaction.requiringNew().call(() -> Invoice.count());
        long customerCount = QuarkusTransaction.requiringNew().call(customers::count);
        assertEquals(0L, invoices, "Panache count without a tenant");
        assertEquals(0L, customerCount, "repository count without a tenant");
    }

    @Test
    void aRowCannotMoveToAnotherTenant() {
        World w = world();
        assertThrows(RuntimeException.class, () -> as(w.a(), () -> jdbcUpdate("UPDATE invoices SET tenant_id = '"
                + w.b().id() + "' WHERE id = '" + w.aInvoice() + "'")));
        assertEquals(1, TestSql.count("SELECT count(*) FROM invoices WHERE id = ?::uuid AND tenant_id = ?",
                w.aInvoice(), w.a().id()), "the invoice still belongs to tenant A");
    }

    @Test
    void everyStatementToATenantTableCarriesTheTenant() {
        World w = world();
        RecordingStatementInspector.clear();
        exercise(w);
        List<String> offenders = RecordingStatementInspector.statements().stream()
                .filter(InvoiceIsolationContract::touchesTenantTable).filter(sql -> !carriesTenant(sql)).toList();
        assertFalse(RecordingStatementInspector.statements().isEmpty(), "the inspector must have seen statements");
        assertEquals(List.of(), offenders, "statements without a tenant predicate");
    }

    void exercise(World w) {
        w.a().request().get("/invoices").then().statusCode(200);
        w.a().request().get("/invoices/" + w.bInvoice()).then().statusCode(404);
        w.a().request().post("/invoices/" + w.aInvoice() + "/pay").then().statusCode(200);
        w.a().request().get("/customers").then().statusCode(200);
        w.a().request().delete("/invoices/" + w.aInvoice()).then().statusCode(204);
    }

    <T> T as(TestTenant tenant, Callable<T> work) {
        return tenantScope.call(tenant.tenantId(), () -> QuarkusTransaction.requiringNew().call(work));
    }

    static long nativeCount(String sql) {
        return ((Number) Invoice.getEntityManager().createNativeQuery(sql).getSingleResult()).longValue();
    }

    long jdbcCount(String sql) throws Exception {
        try (Connection c = dataSource.getConnection();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    int jdbcUpdate(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            return st.executeUpdate(sql);
        }
    }

    static boolean carriesTenant(String sql) {
        String lower = sql.toLowerCase(Locale.ROOT);
        if (lower.startsWith("insert")) {
            return lower.contains("tenant_id");
        }
        int where = lower.indexOf(" where ");
        return where >= 0 && lower.substring(where).contains("tenant_id");
    }

    static boolean touchesTenantTable(String sql) {
        String lower = sql.toLowerCase(Locale.ROOT);
        return TENANT_TABLES.stream().anyMatch(t -> lower.matches("(?s).*\\b" + t + "\\b.*"));
    }

    static String snapshotOf(TestTenant t) {
        StringBuilder out = new StringBuilder();
        for (String table : TENANT_TABLES) {
            out.append(table).append(':').append(TestSql.count("SELECT count(*) FROM " + table
                    + " WHERE tenant_id = ?", t.id())).append(':').append(TestSql.count("SELECT coalesce(sum(hashtext("
                            + "x::text)), 0) FROM " + table + " x WHERE tenant_id = ?", t.id()))
                    .append('\n');
        }
        return out.toString();
    }

    static List<String> ids(List<Invoice> invoices) {
        return invoices.stream().map(i -> i.id.toString()).toList();
    }

    static String customer(TestTenant t) {
        return t.post("/customers", "{\"name\":\"Customer of " + t.id() + "\"}").statusCode(201).extract().path("id");
    }

    static String invoice(TestTenant t, String customer) {
        return t.post("/invoices", invoiceJson(customer, "INV-1")).statusCode(201).extract().path("id");
    }

    static String invoiceJson(String customer, String number) {
        return "{\"customerId\":\"" + customer + "\",\"number\":\"" + number + "\",\"amountCents\":1250}";
    }
}
