package dev.palisade.api.problem;

import static dev.palisade.api.support.Problems.problem;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.palisade.testing.TestSql;
import dev.palisade.api.support.TenantFixture;
import dev.palisade.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/**
 * Every request body is read strictly, in one place, before any resource runs: a body that is not one storable JSON
 * object of the right types is a 400 problem naming the field or position, and the database is left as it was.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class StrictBodiesTest {

    private TenantFixture tenant;

    @BeforeEach
    void tenant() {
        tenant = TenantFixture.create("strict");
    }

    private RequestSpecification json() {
        return tenant.request().contentType("application/json");
    }

    private long configs() {
        return TestSql.count("select count(*) from tenant_configs where tenant_id = ?", tenant.id());
    }

    private long workspaces() {
        return TestSql.count("select count(*) from workspaces where tenant_id = ?", tenant.id());
    }

    @Test
    void rejectedConfigWithAnUnpairedSurrogateIsNotStored() {
        problem(json().body("{\"value\":\"lone\\ud800x\"}").put("/configs/k").then(), 400, "invalid-field")
                .body("field", equalTo("value"));
        assertEquals(0, configs(), "a 400 must leave tenant_configs as it was");
        tenant.request().get("/configs/k").then().statusCode(404);
    }

    @Test
    void unpairedSurrogateInAWorkspaceNameIsRefusedNotStoredAsAQuestionMark() {
        problem(json().body("{\"name\":\"a\\udc00b\",\"slug\":\"s\"}").post("/workspaces").then(), 400,
                "invalid-field").body("field", equalTo("name"));
        assertEquals(0, workspaces());
    }

    @Test
    void unpairedSurrogateInATenantNameIsRefused() {
        String id = tenant.id() + "-b";
        problem(TenantFixture.admin().contentType("application/json")
                .body("{\"id\":\"" + id + "\",\"name\":\"x\\ud800\"}").post("/admin/tenants").then(), 400,
                "invalid-field").body("field", equalTo("name"));
        assertEquals(0, TestSql.count("select count(*) from tenants where id = ?", id));
    }

    @Test
    void overlongUtf8IsRefusedNotStoredAsAnotherCharacter() {
        // C1 81 is an overlong (invalid) encoding of 'A'; a lenient decoder reads it as 'A' or as something else.
        byte[] body = bytes("{\"name\":\"x", new byte[]{(byte) 0xC1, (byte) 0x81}, "\",\"slug\":\"s\"}");
        problem(json().body(body).post("/workspaces").then(), 400, "malformed-json")
                .body("detail", containsString("UTF-8")).body("byte", equalTo(10));
        assertEquals(0, workspaces());
    }

    @Test
    void numberBeyondADoubleIsStoredExactlyNotAsInfinity() {
        json().body("{\"value\":{\"n\":1e309}}").put("/configs/big").then().statusCode(201);
        String stored = tenant.request().get("/configs/big").then().statusCode(200).extract().path("value.n")
                .toString();
        assertEquals(0, new BigDecimal(stored).compareTo(new BigDecimal("1e309")), stored);
    }

    @Test
    void numberBeyondPostgresIsRefusedNamingTheField() {
        problem(json().body("{\"value\":{\"n\":1e1000000}}").put("/configs/huge").then(), 400,
                "invalid-field").body("field", equalTo("value.n"));
        problem(json().body("{\"events\":[{\"type\":\"T\",\"data\":{\"tiny\":1e-1000000}}]}")
                .post("/streams/s-1/events").then(), 400, "invalid-field")
                .body("field", equalTo("events[0].data.tiny"));
        assertEquals(0, configs());
        assertEquals(0, TestSql.count("select count(*) from events where tenant_id = ?", tenant.id()));
    }

    @Test
    void trailingContentIsRefused() {
        problem(json().body("{\"name\":\"a\",\"slug\":\"a\"} x").post("/workspaces").then(), 400,
                "malformed-json").body("line", equalTo(1));
        problem(json().body("{\"name\":\"a\",\"slug\":\"a\"}{\"name\":\"b\",\"slug\":\"b\"}").post("/workspaces")
                .then(), 400, "malformed-json");
        assertEquals(0, workspaces());
    }

    @Test
    void duplicateKeysAreRefusedNamingTheKey() {
        problem(json().body("{\"name\":\"a\",\"name\":\"b\",\"slug\":\"a\"}").post("/workspaces").then(), 400,
                "invalid-field").body("field", equalTo("name"));
        problem(json().body("{\"value\":1,\"value\":2}").put("/configs/k").then(), 400, "invalid-field")
                .body("field", equalTo("value"));
        problem(json().body("{\"expectedVersion\":\"no_stream\",\"expectedVersion\":5,"
                + "\"events\":[{\"type\":\"T\",\"data\":{}}]}").post("/streams/s-1/events").then(), 400,
                "invalid-field").body("field", equalTo("expectedVersion"));
        problem(json().body("{\"value\":{\"a\":[{\"b\":1,\"b\":1}]}}").put("/configs/k").then(), 400,
                "invalid-field").body("field", equalTo("value.a[0].b"));
        assertEquals(0, workspaces());
        assertEquals(0, configs());
    }

    @Test
    void scalarsAreNotCoercedIntoStrings() {
        problem(json().body("{\"name\":123,\"slug\":\"a\"}").post("/workspaces").then(), 400, "invalid-field")
                .body("field", equalTo("name"));
        problem(json().body("{\"name\":true,\"slug\":\"a\"}").post("/workspaces").then(), 400,
                "invalid-field").body("field", equalTo("name"));
        problem(TenantFixture.admin().contentType("application/json").body("{\"id\":12345,\"name\":\"n\"}")
                .post("/admin/tenants").then(), 400, "invalid-field").body("field", equalTo("id"));
        problem(json().body("{\"events\":[{\"eventId\":7,\"type\":\"T\",\"data\":{}}]}")
                .post("/streams/s-1/events").then(), 400, "invalid-field").body("field", equalTo("events[0].eventId"));
        assertEquals(0, workspaces());
        assertEquals(0, TestSql.count("select count(*) from tenants where id = '12345'"));
    }

    @Test
    void stringsAreNotCoercedIntoNumbers() {
        problem(given().body("{\"name\":\"a\",\"count\":\"5\"}").post("/test-only/echo").then(), 400,
                "invalid-field").body("field", equalTo("count"));
        problem(given().body("{\"name\":\"a\",\"count\":2.5}").post("/test-only/echo").then(), 400,
                "invalid-field").body("field", equalTo("count"));
    }

    @Test
    void emptyOrNullBodyIsAProblemNotAServerError() {
        for (String body : new String[]{"", "null", "  ", "\"text\"", "[]"}) {
            problem(json().body(body).post("/workspaces").then(), 400, body.isBlank()
                    ? "malformed-json"
                    : "invalid-field");
            problem(TenantFixture.admin().contentType("application/json").body(body).post("/admin/tenants")
                    .then(), 400, body.isBlank() ? "malformed-json" : "invalid-field");
        }
        assertEquals(0, workspaces());
    }

    @Test
    void bodiesBeyondTheReadersLimitsAreMalformedNotServerErrors() {
        String deep = "[".repeat(2000) + "]".repeat(2000);
        problem(json().body("{\"value\":" + deep + "}").put("/configs/deep").then(), 400, "malformed-json")
                .body("detail", containsString("nesting"));
        problem(json().body("{\"value\":" + "9".repeat(2000) + "}").put("/configs/long").then(), 400,
                "malformed-json").body("detail", containsString("digits"));
        assertEquals(0, configs());
    }

    /** The README's "Errors" example, answer for answer. */
    @Test
    void theReadmeErrorsExampleIsWhatTheServiceAnswers() {
        String id = json().body("{\"name\":\"Docs\",\"slug\":\"docs\"}").post("/workspaces").then().statusCode(201)
                .extract().path("id");
        problem(json().body("{\"nmae\":\"Docs\"}").patch("/workspaces/" + id).then(), 400, "unknown-field")
                .body("detail", equalTo("Unknown field 'nmae'; known fields are 'name', 'slug'."))
                .body("field", equalTo("nmae")).body("suggestion", equalTo("name"));
        problem(json().body("{\"nmae\":\"Docs\",\"slug\":\"docs2\"}").post("/workspaces").then(), 400,
                "invalid-field").body("detail", equalTo("Field 'name' is required and must not be blank."))
                .body("field", equalTo("name"));
    }

    private static RequestSpecification given() {
        return io.restassured.RestAssured.given().contentType("application/json");
    }

    private static byte[] bytes(String before, byte[] middle, String after) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(before.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(middle);
        out.writeBytes(after.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}
