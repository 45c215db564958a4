package dev.palisade.api.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.palisade.api.support.TenantFixture;
import dev.palisade.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.RedirectConfig;
import io.restassured.config.RestAssuredConfig;

/** Small promises of the contract: say a value back as it was sent or stored, and never answer with nothing. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class ContractEchoTest {

    private static final Pattern VALUE = Pattern.compile("\"value\":(.*),\"createdAt\"");

    @Test
    void versionConflictSaysTheExpectedVersionAsSent() {
        TenantFixture tenant = TenantFixture.create("echo");
        String append = "{\"expectedVersion\":%s,\"events\":[{\"type\":\"T\",\"data\":{}}]}";
        tenant.request().contentType("application/json").body(append.formatted("\"no_stream\""))
                .post("/streams/s-1/events").then().statusCode(201);
        tenant.request().contentType("application/json").body(append.formatted("2")).post("/streams/s-1/events")
                .then().statusCode(409).body("expectedVersion", equalTo(2)).body("currentVersion", equalTo(1));
        tenant.request().contentType("application/json").body(append.formatted("\"no_stream\""))
                .post("/streams/s-1/events").then().statusCode(409).body("expectedVersion", equalTo("no_stream"));
    }

    @Test
    void configValueIsEchoedExactlyAsEveryGetReturnsIt() {
        TenantFixture tenant = TenantFixture.create("echo");
        String put = tenant.request().contentType("application/json")
                .body("{\"value\":{\"zeta\":[1, 2.50],\"a\":{\"b\":null}}}").put("/configs/k").then().statusCode(201)
                .extract().asString();
        String get = tenant.request().get("/configs/k").then().statusCode(200).extract().asString();
        assertEquals(value(get), value(put), "PUT must echo the value as GET returns it");
        String replaced = tenant.request().contentType("application/json").body("{\"value\":{\"zeta\":true,\"a\":1}}")
                .put("/configs/k").then().statusCode(200).extract().asString();
        assertEquals(value(tenant.request().get("/configs/k").asString()), value(replaced));
    }

    @Test
    void swaggerUiWithoutTheSlashRedirectsWithALocationAndABody() {
        var response = given().config(RestAssuredConfig.config().redirect(RedirectConfig.redirectConfig()
                .followRedirects(false))).get("/q/swagger-ui");
        assertEquals(301, response.statusCode());
        assertEquals("/q/swagger-ui/", response.header("Location"));
        assertTrue(response.asString().contains("/q/swagger-ui/"), response.asString());
        given().get(response.header("Location")).then().statusCode(200).body(containsString("swagger"));
    }

    private static String value(String body) {
        Matcher m = VALUE.matcher(body);
        assertTrue(m.find(), body);
        return m.group(1);
    }
}
