package dev.palisade.api.settings;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.palisade.testing.TestSql;
import dev.palisade.api.support.TenantFixture;
import dev.palisade.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class SettingsResourceTest {

    @Test
    void anyJsonValueRoundTrips() {
        TenantFixture t = TenantFixture.create("cfg");
        t.request().contentType("application/json").body("{\"value\":{\"dark\":true,\"n\":[1,2.5,\"x\"]}}")
                .put("/configs/theme").then().statusCode(201).header("ETag", "\"0\"")
                .body("key", equalTo("theme")).body("value.dark", equalTo(true)).body("version", equalTo(0));
        t.request().contentType("application/json").body("{\"value\":\"plain\"}").put("/configs/theme").then()
                .statusCode(200).body("value", equalTo("plain")).body("version", equalTo(1));
        t.request().contentType("application/json").body("{\"value\":null}").put("/configs/empty").then()
                .statusCode(201).body("value", nullValue());
        t.request().get("/configs/theme").then().statusCode(200).body("value", equalTo("plain"));
        t.request().get("/configs").then().statusCode(200).body("key", equalTo(List.of("empty", "theme")));
        t.request().delete("/configs/theme").then().statusCode(204);
        t.request().get("/configs/theme").then().statusCode(404);
    }

    @Test
    void staleIfMatchIsAPreconditionFailure() {
        TenantFixture t = TenantFixture.create("cim");
        t.request().contentType("application/json").body("{\"value\":1}").put("/configs/k").then().statusCode(201);
        t.request().contentType("application/json").body("{\"value\":2}").header("If-Match", "\"0\"")
                .put("/configs/k").then().statusCode(200);
        t.request().contentType("application/json").body("{\"value\":3}").header("If-Match", "\"0\"")
                .put("/configs/k").then().statusCode(412).body("currentVersion", equalTo(1));
        t.request().header("If-Match", "\"0\"").delete("/configs/k").then().statusCode(412);
        t.request().get("/configs/k").then().body("value", equalTo(2));
    }

    @Test
    void badValuesAreRejectedAndStoreNothing() {
        TenantFixture t = TenantFixture.create("cbad");
        t.request().contentType("application/json").body("{}").put("/configs/k").then().statusCode(400)
                .body("field", equalTo("value"));
        t.request().contentType("application/json").body("{\"value\":{\"a\":\"x\\u0000y\"}}").put("/configs/k")
                .then().statusCode(400).body("field", equalTo("value.a"));
        t.request().contentType("application/json").body("{\"value\":1,\"tenantId\":\"other\"}").put("/configs/k")
                .then().statusCode(400).body("field", equalTo("tenantId"));
        t.request().contentType("application/json").body("{\"value\":1}").put("/configs/bad key!").then()
                .statusCode(400).body("field", equalTo("key"));
        t.request().get("/configs").then().body("", hasSize(0));
    }

    @Test
    void workspaceConfigsLiveAndDieWithTheirWorkspace() {
        TenantFixture t = TenantFixture.create("wcfg");
        String ws = t.workspace("W", "w");
        t.request().contentType("application/json").body("{\"value\":[1,2,3]}")
                .put("/workspaces/" + ws + "/configs/limits")
                .then().statusCode(201).body("value", equalTo(List.of(1, 2, 3)));
        t.request().contentType("application/json").body("{\"value\":\"tenant-level\"}").put("/configs/limits").then()
                .statusCode(201);
        t.request().get("/workspaces/" + ws + "/configs").then().body("", hasSize(1))
                .body("[0].value", equalTo(List.of(1, 2, 3)));
        t.request().delete("/workspaces/" + ws).then().statusCode(204);
        assertEquals(0, TestSql.count("SELECT count(*) FROM workspace_configs WHERE workspace_id = ?::uuid", ws),
                "deleting a workspace deletes its configs");
        t.request().get("/workspaces/" + ws + "/configs").then().statusCode(404);
        t.request().get("/workspaces/" + ws + "/configs/limits").then().statusCode(404);
        t.request().get("/configs/limits").then().statusCode(200).body("value", equalTo("tenant-level"));
        t.request().contentType("application/json").body(Map.of("value", 1))
                .put("/workspaces/" + ws + "/configs/again").then().statusCode(404);
    }
}
