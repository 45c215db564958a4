package dev.palisade.api.workspace;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.palisade.api.support.TenantFixture;
import dev.palisade.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class WorkspaceResourceTest {

    @Test
    void createReadListUpdateDelete() {
        TenantFixture t = TenantFixture.create("ws");
        String id = t.request().contentType("application/json").body("{\"name\":\"Alpha\",\"slug\":\"alpha\"}")
                .post("/workspaces").then().statusCode(201)
                .header("Location", matchesPattern(".*/workspaces/[0-9a-f-]{36}")).header("ETag", "\"0\"")
                .body("name", equalTo("Alpha")).body("slug", equalTo("alpha")).body("version", equalTo(0))
                .body("createdAt", notNullValue()).body("updatedAt", notNullValue()).extract().path("id");
        t.request().get("/workspaces/" + id).then().statusCode(200).body("id", equalTo(id)).header("ETag", "\"0\"");
        t.request().get("/workspaces").then().statusCode(200).body("id", equalTo(java.util.List.of(id)));
        t.request().contentType("application/json").body("{\"name\":\"Alpha Two\"}").header("If-Match", "\"0\"")
                .patch("/workspaces/" + id).then().statusCode(200).body("name", equalTo("Alpha Two"))
                .body("slug", equalTo("alpha")).body("version", equalTo(1));
        t.request().delete("/workspaces/" + id).then().statusCode(204);
        t.request().get("/workspaces/" + id).then().statusCode(404);
        t.request().get("/workspaces").then().body("", hasSize(0));
    }

    @Test
    void staleIfMatchIsAPreconditionFailureAndChangesNothing() {
        TenantFixture t = TenantFixture.create("ifm");
        String id = t.workspace("One", "one");
        t.request().contentType("application/json").body("{\"name\":\"Two\"}").patch("/workspaces/" + id).then()
                .statusCode(200);
        t.request().contentType("application/json").body("{\"name\":\"Three\"}").header("If-Match", "\"0\"")
                .patch("/workspaces/" + id).then().statusCode(412).body("currentVersion", equalTo(1));
        t.request().header("If-Match", "\"0\"").delete("/workspaces/" + id).then().statusCode(412);
        t.request().get("/workspaces/" + id).then().body("name", equalTo("Two")).body("version", equalTo(1));
        t.request().header("If-Match", "banana").delete("/workspaces/" + id).then().statusCode(400);
    }

    @Test
    void slugIsUniquePerTenantOnly() {
        TenantFixture a = TenantFixture.create("sa");
        TenantFixture b = TenantFixture.create("sb");
        a.workspace("Main", "main");
        a.request().contentType("application/json").body("{\"name\":\"Again\",\"slug\":\"main\"}").post("/workspaces")
                .then().statusCode(409).contentType("application/problem+json");
        b.workspace("Main", "main");
        String other = a.workspace("Other", "other");
        a.request().contentType("application/json").body("{\"slug\":\"main\"}").patch("/workspaces/" + other).then()
                .statusCode(409);
        a.request().get("/workspaces").then().body("", hasSize(2));
    }

    @Test
    void invalidInputIsRejectedNamingTheFieldAndStoresNothing() {
        TenantFixture t = TenantFixture.create("inv");
        t.request().contentType("application/json").body("{\"name\":\"A\",\"slug\":\"Not A Slug\"}").post("/workspaces")
                .then().statusCode(400).body("field", equalTo("slug"));
        t.request().contentType("application/json").body("{\"name\":\"\",\"slug\":\"ok\"}").post("/workspaces")
                .then().statusCode(400).body("field", equalTo("name"));
        t.request().contentType("application/json").body("{\"name\":\"a\\u0000b\",\"slug\":\"ok\"}")
                .post("/workspaces").then().statusCode(400).body("field", equalTo("name"));
        t.request().contentType("application/json").body("{\"name\":42,\"slug\":[\"x\"]}").post("/workspaces")
                .then().statusCode(400);
        for (String malformed : List.of("{\"name\":\"x\",", "{\"name\" \"x\"}", "{\"name\":\"x\"", "{name:\"x\"}")) {
            t.request().contentType("application/json").body(malformed).post("/workspaces").then().statusCode(400)
                    .body("type", equalTo("https://palisade.dev/problems/malformed-json"));
        }
        t.request().contentType("application/json").body("{\"name\":\"" + "n".repeat(201) + "\",\"slug\":\"ok\"}")
                .post("/workspaces").then().statusCode(400).body("field", equalTo("name"));
        t.request().get("/workspaces/not-a-uuid").then().statusCode(404);
        t.request().get("/workspaces").then().body("", hasSize(0));
    }

    @Test
    void oversizeBodyIsRefusedAndStoresNothing() {
        TenantFixture t = TenantFixture.create("big");
        t.request().contentType("application/json")
                .body("{\"name\":\"" + "n".repeat(6 * 1024 * 1024) + "\",\"slug\":\"big\"}").post("/workspaces")
                .then().statusCode(413).contentType("application/problem+json");
        t.request().get("/workspaces").then().body("", hasSize(0));
    }
}
