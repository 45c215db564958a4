package dev.palisade.api.admin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.palisade.api.support.TenantFixture;
import dev.palisade.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class AdminApiTest {

    @Test
    void registeringATenantReturnsItsFirstKeyOnce() {
        String id = "acme-" + UUID.randomUUID().toString().substring(0, 8);
        TenantFixture.admin().contentType("application/json").body("{\"id\":\"" + id + "\",\"name\":\"Acme\"}")
                .post("/admin/tenants").then().statusCode(201)
                .header("Location", matchesPattern(".*/admin/tenants/" + id))
                .body("id", equalTo(id)).body("name", equalTo("Acme")).body("status", equalTo("active"))
                .body("createdAt", notNullValue())
                .body("apiKey.id", notNullValue())
                .body("apiKey.secret", matchesPattern("pal_[0-9a-f]{32}_[A-Za-z0-9_-]{43}"));
        TenantFixture.admin().get("/admin/tenants/" + id).then().statusCode(200).body("apiKey", nullValue())
                .body("status", equalTo("active"));
        TenantFixture.admin().get("/admin/tenants").then().statusCode(200).body("id", hasItem(id));
    }

    @Test
    void duplicateTenantIsAConflict() {
        TenantFixture t = TenantFixture.create("dup");
        TenantFixture.admin().contentType("application/json").body("{\"id\":\"" + t.id() + "\",\"name\":\"Again\"}")
                .post("/admin/tenants").then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void malformedTenantIdsAreRejectedNamingTheField() {
        for (String bad : new String[]{"A", "Upper", "-lead", "x", "has space", "a".repeat(64), "semi;colon",
                "quote'", "ünï"}) {
            TenantFixture.admin().contentType("application/json")
                    .body("{\"id\":\"" + bad + "\",\"name\":\"Bad\"}").post("/admin/tenants").then()
                    .statusCode(400).contentType("application/problem+json").body("field", equalTo("id"));
        }
        TenantFixture.admin().contentType("application/json").body("{\"id\":\"ok-id\",\"name\":\"\"}")
                .post("/admin/tenants").then().statusCode(400).body("field", equalTo("name"));
    }

    @Test
    void adminApiNeedsTheAdminKey() {
        given().get("/admin/tenants").then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", notNullValue());
        given().header("Authorization", "Bearer wrong").get("/admin/tenants").then().statusCode(401);
        TenantFixture t = TenantFixture.create("tk");
        t.request().get("/admin/tenants").then().statusCode(401);
    }

    @Test
    void unknownTenantIsNotFound() {
        TenantFixture.admin().get("/admin/tenants/no-such-tenant").then().statusCode(404);
        TenantFixture.admin().post("/admin/tenants/no-such-tenant/suspend").then().statusCode(404);
        TenantFixture.admin().post("/admin/tenants/no-such-tenant/api-keys").then().statusCode(404);
    }

    @Test
    void suspensionTakesEffectOnTheNextRequestAndReactivationRestoresAccess() {
        TenantFixture t = TenantFixture.create("susp");
        t.request().get("/workspaces").then().statusCode(200);
        TenantFixture.admin().post("/admin/tenants/" + t.id() + "/suspend").then().statusCode(200)
                .body("status", equalTo("suspended"));
        t.request().get("/workspaces").then().statusCode(403).contentType("application/problem+json");
        TenantFixture.admin().post("/admin/tenants/" + t.id() + "/reactivate").then().statusCode(200)
                .body("status", equalTo("active"));
        t.request().get("/workspaces").then().statusCode(200);
    }

    @Test
    void revokedKeyStopsWorkingOnTheNextRequestWhileOtherKeysWork() {
        TenantFixture t = TenantFixture.create("rev");
        String second = TenantFixture.admin().post("/admin/tenants/" + t.id() + "/api-keys").then().statusCode(201)
                .extract().path("secret");
        String firstId = TenantFixture.admin().get("/admin/tenants/" + t.id() + "/api-keys").then().statusCode(200)
                .body("size()", equalTo(2)).body("[0].secret", nullValue()).extract().path("[0].id");
        t.request().get("/workspaces").then().statusCode(200); // cached as valid
        TenantFixture.admin().delete("/admin/tenants/" + t.id() + "/api-keys/" + firstId).then().statusCode(204);
        t.request().get("/workspaces").then().statusCode(401);
        new TenantFixture(t.id(), second).request().get("/workspaces").then().statusCode(200);
        TenantFixture.admin().get("/admin/tenants/" + t.id() + "/api-keys").then()
                .body("find { it.id == '" + firstId + "' }.revokedAt", notNullValue());
    }

    @Test
    void revokingAnUnknownKeyIsNotFound() {
        TenantFixture t = TenantFixture.create("unk");
        TenantFixture.admin().delete("/admin/tenants/" + t.id() + "/api-keys/" + UUID.randomUUID()).then()
                .statusCode(404);
        TenantFixture.admin().delete("/admin/tenants/" + t.id() + "/api-keys/not-a-uuid").then().statusCode(404);
    }

    @Test
    void anotherTenantsKeyCannotBeRevokedThroughThisTenant() {
        TenantFixture a = TenantFixture.create("ra");
        TenantFixture b = TenantFixture.create("rb");
        String bKey = TenantFixture.admin().get("/admin/tenants/" + b.id() + "/api-keys").then().extract()
                .path("[0].id");
        TenantFixture.admin().delete("/admin/tenants/" + a.id() + "/api-keys/" + bKey).then().statusCode(404);
        b.request().get("/workspaces").then().statusCode(200);
        TenantFixture.admin().get("/admin/tenants/" + a.id() + "/api-keys").then().body("id", not(hasItem(bKey)));
    }
}
