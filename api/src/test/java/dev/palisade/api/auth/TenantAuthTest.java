package dev.palisade.api.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import dev.palisade.api.support.TenantFixture;
import dev.palisade.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class TenantAuthTest {

    @Test
    void missingTenantHeaderIsABadRequest() {
        TenantFixture t = TenantFixture.create("hdr");
        given().header("Authorization", "Bearer " + t.apiKey()).get("/workspaces").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void malformedTenantHeadersAreBadRequests() {
        TenantFixture t = TenantFixture.create("mal");
        RestAssuredConfig utf8 = RestAssuredConfig.config()
                .encoderConfig(EncoderConfig.encoderConfig().defaultContentCharset("UTF-8"));
        for (String bad : new String[]{"a".repeat(64), "x", "UPPER", "a' OR '1'='1", "a;drop table tenants",
                "tenant%00", "ten ant", "-lead", ""}) {
            given().config(utf8).header("X-Tenant-ID", bad).header("Authorization", "Bearer " + t.apiKey())
                    .get("/workspaces").then().statusCode(400).contentType("application/problem+json");
        }
        given().header("X-Tenant-ID", t.id()).header("X-Tenant-ID", t.id())
                .header("Authorization", "Bearer " + t.apiKey()).get("/workspaces").then().statusCode(400);
    }

    @Test
    void unicodeTenantHeaderIsABadRequest() {
        TenantFixture t = TenantFixture.create("uni");
        given().header("X-Tenant-ID", "t\u00e9nant").header("Authorization", "Bearer " + t.apiKey())
                .get("/workspaces").then().statusCode(400);
    }

    @Test
    void rejectedCredentialsLookTheSameWhetherOrNotTheTenantExists() {
        TenantFixture a = TenantFixture.create("ua");
        TenantFixture b = TenantFixture.create("ub");
        String unknownTenant = given().header("X-Tenant-ID", "no-such-tenant-here")
                .header("Authorization", "Bearer " + a.apiKey()).get("/workspaces").then().statusCode(401)
                .extract().asString();
        String otherTenantsKey = a.requestWithKeyOf(b).get("/workspaces").then().statusCode(401).extract()
                .asString();
        String wrongKey = given().header("X-Tenant-ID", a.id()).header("Authorization", "Bearer pal_"
                + "0".repeat(32) + "_" + "A".repeat(43)).get("/workspaces").then().statusCode(401).extract()
                .asString();
        assertEquals(unknownTenant, otherTenantsKey, "401 must not reveal whether a tenant exists");
        assertEquals(unknownTenant, wrongKey, "401 must not reveal whether a key exists");
    }

    @Test
    void missingOrMalformedAuthorizationIsUnauthorized() {
        TenantFixture t = TenantFixture.create("noauth");
        given().header("X-Tenant-ID", t.id()).get("/workspaces").then().statusCode(401)
                .header("WWW-Authenticate", equalTo("Bearer realm=\"palisade\""));
        given().header("X-Tenant-ID", t.id()).header("Authorization", "Basic " + t.apiKey()).get("/workspaces")
                .then().statusCode(401);
        given().header("X-Tenant-ID", t.id()).header("Authorization", "Bearer " + t.apiKey() + "x")
                .get("/workspaces").then().statusCode(401);
    }
}
