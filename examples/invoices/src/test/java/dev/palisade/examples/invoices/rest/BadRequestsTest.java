package dev.palisade.examples.invoices.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.palisade.examples.invoices.support.TestTenant;
import dev.palisade.tenancy.registry.TenantRegistry;
import dev.palisade.testing.PostgresTestResource;
import dev.palisade.testing.TestSql;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Bad input is a 4xx problem that changes nothing; never a 500. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class BadRequestsTest {

    @Inject
    TenantRegistry registry;

    @Test
    void tenantHeaderMissingOrMalformedIs400() {
        given().get("/invoices").then().statusCode(400).contentType("application/problem+json");
        given().header("X-Tenant-ID", "Not A Tenant").get("/invoices").then().statusCode(400);
    }

    @Test
    void invalidInvoicesAre400AndWriteNothing() {
        TestTenant t = TestTenant.create(registry, "bad");
        String customer = t.post("/customers", "{\"name\":\"C\"}").statusCode(201).extract().path("id");
        // A record that refuses its values inside Jackson is answered 400 by Quarkus itself, without a problem body
        // (the tenancy mapper is not reached); the values are still refused and nothing is written.
        t.post("/invoices", "{\"customerId\":\"" + customer + "\",\"number\":\"N\",\"amountCents\":0}")
                .statusCode(400);
        t.post("/invoices", "{\"number\":\"N\",\"amountCents\":5}").statusCode(400);
        t.post("/invoices", "{\"customerId\":\"" + customer + "\",\"amountCents\":5}").statusCode(400);
        t.request().get("/invoices?status=LOST").then().statusCode(400).contentType("application/problem+json")
                .body("field", equalTo("status"));
        assertEquals(0, TestSql.count("SELECT count(*) FROM invoices WHERE tenant_id = ?", t.id()));
    }

    @Test
    void malformedJsonIs400() {
        TestTenant t = TestTenant.create(registry, "bad");
        t.post("/customers", "{\"name\":").statusCode(400);
        t.post("/customers", "{\"name\":\"x\",\"unknown\":1}").statusCode(400);
        t.request().contentType("application/json").post("/customers").then().statusCode(400);
    }
}
