package dev.palisade.api.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.palisade.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The OpenAPI document is a contract clients generate code from, so it must say what the endpoints really do: the
 * status codes and bodies they answer with, the credentials they need, and that errors are problem+json.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class OpenApiContractTest {

    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");
    private JsonNode document;

    @BeforeEach
    void fetch() throws Exception {
        String json = given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
                .extract().asString();
        document = new ObjectMapper().readTree(json);
    }

    @Test
    void everySuccessAnswerNamesItsBody() {
        List<String> vague = new ArrayList<>();
        forEachOperation((name, operation) -> operation.get("responses").properties().forEach(response -> {
            String status = response.getKey();
            if (status.startsWith("2") && !status.equals("204")
                    && response.getValue().at("/content").findValue("schema") == null) {
                vague.add(name + " " + status);
            }
        }));
        assertTrue(vague.isEmpty(), "success answers without a schema: " + vague);
    }

    @Test
    void creationsAnswer201AndDeletions204() {
        assertSuccess("post /admin/tenants", "201", "TenantView");
        assertSuccess("post /admin/tenants/{id}/api-keys", "201", "KeyView");
        assertSuccess("delete /admin/tenants/{id}/api-keys/{keyId}", "204", null);
        assertSuccess("post /workspaces", "201", "WorkspaceInfo");
        assertSuccess("get /workspaces/{id}", "200", "WorkspaceInfo");
        assertSuccess("delete /workspaces/{id}", "204", null);
        assertSuccess("put /configs/{key}", "201", "ConfigView");
        assertSuccess("put /configs/{key}", "200", "ConfigView");
        assertSuccess("delete /workspaces/{id}/configs/{key}", "204", null);
        assertSuccess("post /streams/{streamId}/events", "201", "AppendView");
        assertSuccess("post /streams/{streamId}/events", "200", "AppendView");
        for (String name : List.of("post /admin/tenants", "post /admin/tenants/{id}/api-keys", "post /workspaces",
                "delete /workspaces/{id}", "delete /configs/{key}", "delete /admin/tenants/{id}/api-keys/{keyId}")) {
            assertFalse(operation(name).get("responses").has("200"), name + " does not pretend to answer 200");
        }
    }

    @Test
    void theAppendBodyIsDescribedNotLeftAsBytes() {
        JsonNode body = operation("post /streams/{streamId}/events")
                .at("/requestBody/content/application~1json/schema");
        assertEquals("#/components/schemas/AppendBody", body.path("$ref").asText(), body.toString());
        assertTrue(document.at("/components/schemas/AppendBody/properties").has("expectedVersion"));
        assertTrue(document.at("/components/schemas/AppendBody/properties").has("events"));
    }

    @Test
    void theApiDocumentsItsCredentialsAndTheTenantHeaderGoesWithTheTenantKey() {
        forEachOperation((name, operation) -> {
            boolean tenant = operation.at("/security/0").has("tenantKey");
            boolean tenantHeader = false;
            for (JsonNode parameter : operation.path("parameters")) {
                tenantHeader |= parameter.path("in").asText().equals("header")
                        && parameter.path("name").asText().equals("X-Tenant-ID")
                        && parameter.path("required").asBoolean();
            }
            assertEquals(tenant, tenantHeader, name + ": X-Tenant-ID is required exactly on tenant operations");
            if (!operation.path("security").isMissingNode()) {
                assertEquals("#/components/schemas/Problem",
                        operation.at("/responses/401/content/application~1problem+json/schema/$ref").asText(), name);
            }
        });
        assertTrue(operation("post /admin/tenants").at("/security/0").has("adminKey"));
        assertTrue(operation("post /streams/{streamId}/events").at("/security/0").has("tenantKey"));
        assertEquals("bearer", document.at("/components/securitySchemes/adminKey/scheme").asText());
        assertEquals("bearer", document.at("/components/securitySchemes/tenantKey/scheme").asText());
    }

    /** What the document says about credentials is checked against the service, not against the filter's rule. */
    @Test
    void everyOperationRefusesRequestsWithoutTheCredentialsItDocuments() {
        forEachOperation((name, operation) -> {
            String method = name.substring(0, name.indexOf(' ')).toUpperCase();
            String path = name.substring(name.indexOf(' ') + 1).replaceAll("\\{[^}]+}",
                    "00000000-0000-0000-0000-000000000000");
            JsonNode security = operation.at("/security/0");
            int bare = send(method, path).statusCode();
            if (security.has("adminKey")) {
                assertEquals(401, bare, name + " documents the admin key, so it refuses a request without one");
            } else if (security.has("tenantKey")) {
                assertEquals(400, bare, name + " documents the tenant key, so it wants X-Tenant-ID");
                assertEquals(401, send(method, path, "X-Tenant-ID", "acme").statusCode(),
                        name + " documents the tenant key, so it refuses a tenant without a key");
            } else {
                assertTrue(bare != 400 && bare != 401,
                        name + " documents no credentials, yet refuses a request without them: " + bare);
            }
        });
    }

    private static io.restassured.response.Response send(String method, String path, String... header) {
        var request = given();
        if (header.length == 2) {
            request.header(header[0], header[1]);
        }
        if (Set.of("POST", "PUT", "PATCH").contains(method)) {
            request.contentType("application/json").body("{}");
        }
        return request.request(method, path);
    }

    @Test
    void errorsAreProblemsEverywhere() {
        forEachOperation((name, operation) -> {
            JsonNode schema = operation.at("/responses/default/content/application~1problem+json/schema");
            assertEquals("#/components/schemas/Problem", schema.path("$ref").asText(), name);
        });
        JsonNode problem = document.at("/components/schemas/Problem");
        for (String field : List.of("type", "title", "status", "detail")) {
            assertTrue(problem.path("properties").has(field), field);
        }
    }

    private void assertSuccess(String name, String status, String schema) {
        JsonNode response = operation(name).at("/responses/" + status);
        assertFalse(response.isMissingNode(), name + " documents " + status + ": " + operation(name));
        if (schema == null) {
            assertTrue(response.path("content").isMissingNode(), name + " " + status + " has no body");
        } else {
            assertEquals("#/components/schemas/" + schema, response.findValue("schema").path("$ref").asText(),
                    name + " " + status);
        }
    }

    private JsonNode operation(String name) {
        String[] parts = name.split(" ", 2);
        JsonNode operation = document.path("paths").path(parts[1]).path(parts[0]);
        assertFalse(operation.isMissingNode(), "no operation " + name);
        return operation;
    }

    private interface OperationCheck {
        void check(String name, JsonNode operation);
    }

    private void forEachOperation(OperationCheck check) {
        int seen = 0;
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            if (path.getKey().startsWith("/q/")) {
                continue;
            }
            for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                if (METHODS.contains(op.getKey())) {
                    check.check(op.getKey() + " " + path.getKey(), op.getValue());
                    seen++;
                }
            }
        }
        assertTrue(seen > 20, "the document lists the API's operations: " + seen);
    }
}
