package dev.palisade.api.isolation;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import dev.palisade.testing.TestSql;
import dev.palisade.api.support.RecordingStatementInspector;
import dev.palisade.api.support.TenantFixture;
import dev.palisade.tenancy.TenantId;
import dev.palisade.tenancy.context.TenantScope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.specification.RequestSpecification;

/**
 * The isolation guarantee as one contract, run against every configuration that must honour it: both walls up
 * ({@link IsolationTest}), the Hibernate filter alone ({@link IsolationWithoutRowLevelSecurityTest}) and row-level
 * security alone ({@link IsolationWithoutHibernateFilterTest}).
 * <p>
 * Tenant B owns a workspace, a workspace config, a tenant config and an API key; tenant A tries every tenant endpoint
 * and method on B's ids. Every attempt must be a 404 (or create A's own row), and B's rows must be byte-for-byte
 * unchanged afterwards.
 */
abstract class IsolationContract {

    static final List<String> TENANT_TABLES = List.of("api_keys", "workspaces", "tenant_configs", "workspace_configs",
            "events");

    @Inject
    TenantScope tenantScope;
    @Inject
    DataSource dataSource;
    @Inject
    EntityManager entityManager;

    record World(TenantFixture a, TenantFixture b, String aWorkspace, String bWorkspace) {
    }

    World world() {
        TenantFixture a = TenantFixture.create("iso-a");
        TenantFixture b = TenantFixture.create("iso-b");
        String aWs = a.workspace("W", "shared-slug");
        String bWs = b.workspace("W", "shared-slug");
        put(a.request(), "/configs/shared-key", "\"a\"");
        put(b.request(), "/configs/shared-key", "\"b\"");
        put(b.request(), "/workspaces/" + bWs + "/configs/shared-key", "\"b-ws\"");
        return new World(a, b, aWs, bWs);
    }

    @Test
    void otherTenantsWorkspaceIsNotFoundForEveryMethodAndStaysUnchanged() {
        World w = world();
        String before = snapshotOf(w.b());
        String ws = "/workspaces/" + w.bWorkspace();
        w.a().request().get(ws).then().statusCode(404);
        w.a().request().contentType("application/json").body("{\"name\":\"hijacked\"}").patch(ws).then()
                .statusCode(404);
        w.a().request().header("If-Match", "\"0\"").contentType("application/json").body("{\"slug\":\"x\"}").patch(ws)
                .then().statusCode(404);
        w.a().request().delete(ws).then().statusCode(404);
        w.a().request().get(ws + "/configs").then().statusCode(404);
        w.a().request().get(ws + "/configs/shared-key").then().statusCode(404);
        w.a().request().contentType("application/json").body("{\"value\":\"hijacked\"}").put(ws + "/configs/shared-key")
                .then().statusCode(404);
        w.a().request().contentType("application/json").body("{\"value\":\"new\"}").put(ws + "/configs/brand-new")
                .then().statusCode(404);
        w.a().request().delete(ws + "/configs/shared-key").then().statusCode(404);
        assertEquals(before, snapshotOf(w.b()), "tenant B's rows must be unchanged");
    }

    @Test
    void sameSlugAndConfigKeyInTwoTenantsStayIndependent() {
        World w = world();
        String before = snapshotOf(w.b());
        w.a().request().contentType("application/json").body("{\"value\":\"a2\"}").put("/configs/shared-key").then()
                .statusCode(200).body("value", equalTo("a2"));
        w.a().request().delete("/configs/shared-key").then().statusCode(204);
        w.a().request().get("/configs/shared-key").then().statusCode(404);
        w.b().request().get("/configs/shared-key").then().statusCode(200).body("value", equalTo("b"));
        w.a().request().delete("/workspaces/" + w.aWorkspace()).then().statusCode(204);
        assertEquals(before, snapshotOf(w.b()), "tenant B's rows must be unchanged");
    }

    @Test
    void listsNeverIncludeOtherTenants() {
        World w = world();
        w.a().request().get("/workspaces").then().statusCode(200).body("id", contains(w.aWorkspace()));
        w.a().request().get("/configs").then().statusCode(200).body("", hasSize(1)).body("[0].value", equalTo("a"));
        w.a().request().get("/workspaces/" + w.aWorkspace() + "/configs").then().body("", hasSize(0));
        w.b().request().get("/workspaces").then().statusCode(200).body("id", contains(w.bWorkspace()));
    }

    /**
     * The query language: filters naming B's ids, slugs and values, OR, NOT, exclude, include and groups reach
     * nothing of B's. The tenant condition is ANDed outside the filter, and with one wall down the other holds.
     */
    @Test
    void noQueryWidensTheTenantCondition() {
        World w = world();
        String bId = w.bWorkspace();
        String widening = "{\"OR\":[{\"id\":\"" + bId + "\"},{\"NOT\":{\"id\":\"" + bId + "\"}},"
                + "{\"slug\":\"shared-slug\"},{\"name\":{\"contains\":\"\"}}]}";
        w.a().request().queryParam("where", widening).queryParam("include", "configs").get("/workspaces").then()
                .statusCode(200).body("id", contains(w.aWorkspace())).body("[0].configs", hasSize(0));
        w.a().request().queryParam("id", bId).get("/workspaces").then().statusCode(200).body("", hasSize(0));
        w.a().request().queryParam("exclude", "{\"id\":\"" + w.aWorkspace() + "\"}").queryParam("count", "true")
                .get("/workspaces").then().statusCode(200).header("X-Total-Count", "0").body("", hasSize(0));
        w.a().request().contentType("application/json").body("{\"where\":" + widening + ",\"_count\":true}")
                .post("/workspaces/query").then().statusCode(200).body("groups[0]._count", equalTo(1));
        w.a().request().queryParam("where", "{\"OR\":[{\"value\":\"b\"},{\"NOT\":{\"value\":\"b\"}}]}")
                .get("/configs").then().statusCode(200).body("", hasSize(1)).body("[0].value", equalTo("a"));
        w.a().request().contentType("application/json").body("{\"groupBy\":[\"value\"],\"_count\":true}")
                .post("/configs/query").then().statusCode(200).body("groups", hasSize(1));
        w.a().request().queryParam("key", "shared-key").get("/workspaces/" + bId + "/configs").then().statusCode(404);
        w.a().request().contentType("application/json").body("{}").post("/workspaces/" + bId + "/configs/query")
                .then().statusCode(404);
        w.a().request().queryParam("tenantId", w.b().id()).get("/workspaces").then().statusCode(400)
                .body("field", equalTo("tenantId"));
        w.a().request().queryParam("where", "{\"OR\":[{\"tenant_id\":\"" + w.b().id() + "\"}]}")
                .get("/configs").then().statusCode(400);
    }

    @Test
    void tenantIdInARequestBodyIsRejected() {
        World w = world();
        String before = snapshotOf(w.b());
        w.a().request().contentType("application/json")
                .body("{\"name\":\"x\",\"slug\":\"sneaky\",\"tenantId\":\"" + w.b().id() + "\"}").post("/workspaces")
                .then().statusCode(400);
        w.a().request().contentType("application/json")
                .body("{\"value\":1,\"tenant_id\":\"" + w.b().id() + "\"}").put("/configs/sneaky").then()
                .statusCode(400);
        w.a().request().get("/workspaces").then().statusCode(200).body("slug", contains("shared-slug"));
        assertEquals(0, TestSql.count("SELECT count(*) FROM workspaces WHERE slug = 'sneaky'"),
                "the rejected workspace must exist for no tenant");
        assertEquals(0, TestSql.count("SELECT count(*) FROM tenant_configs WHERE key = 'sneaky'"),
                "the rejected config must exist for no tenant");
        assertEquals(before, snapshotOf(w.b()), "tenant B's rows must be unchanged");
    }

    @Test
    void anotherTenantsKeyOpensNothing() {
        World w = world();
        w.a().requestWithKeyOf(w.b()).get("/workspaces").then().statusCode(401);
        w.b().requestWithKeyOf(w.a()).get("/workspaces/" + w.bWorkspace()).then().statusCode(401);
    }

    @Test
    void everyStatementToATenantTableCarriesTheTenant() {
        World w = world();
        RecordingStatementInspector.clear();
        exerciseEveryEndpoint(w);
        List<String> offenders = RecordingStatementInspector.statements().stream()
                .filter(IsolationContract::touchesTenantTable)
                .filter(sql -> !carriesTenant(sql)).toList();
        assertFalse(RecordingStatementInspector.statements().isEmpty(), "the inspector must have seen statements");
        assertEquals(List.of(), offenders, "statements without a tenant predicate");
    }

    @Test
    void nativeSqlThroughTheServiceDatasourceSeesOnlyTheCurrentTenant() {
        World w = world();
        TenantId a = TenantId.of(w.a().id());
        assertEquals(0L, countAs(a, "SELECT count(*) FROM workspaces WHERE tenant_id = '" + w.b().id() + "'"),
                "tenant A must count none of tenant B's workspaces");
        assertEquals(1L, countAs(a, "SELECT count(*) FROM workspaces"), "tenant A counts exactly its own workspace");
        assertEquals(0L, countAs(a, "SELECT count(*) FROM tenant_configs WHERE tenant_id <> '" + w.a().id() + "'"));
        long withoutTenant = QuarkusTransaction.requiringNew()
                .call(() -> count(entityManager, "SELECT count(*) FROM workspaces"));
        assertEquals(0L, withoutTenant, "with no tenant set, native SQL sees no rows at all");
    }

    void exerciseEveryEndpoint(World w) {
        RequestSpecification a = w.a().request();
        a.get("/workspaces").then().statusCode(200);
        a.get("/workspaces/" + w.aWorkspace()).then().statusCode(200);
        a.get("/workspaces/" + w.bWorkspace()).then().statusCode(404);
        a.contentType("application/json").body("{\"name\":\"renamed\"}").patch("/workspaces/" + w.aWorkspace()).then()
                .statusCode(200);
        put(w.a().request(), "/workspaces/" + w.aWorkspace() + "/configs/k", "1");
        w.a().request().get("/workspaces/" + w.aWorkspace() + "/configs").then().statusCode(200);
        w.a().request().get("/configs").then().statusCode(200);
        w.a().request().queryParam("include", "configs").queryParam("slug__startswith", "s").get("/workspaces").then()
                .statusCode(200);
        w.a().request().contentType("application/json").body("{\"groupBy\":[\"slug\"]}").post("/workspaces/query")
                .then().statusCode(200);
        w.a().request().queryParam("value__isnull", "false").get("/configs").then().statusCode(200);
        put(w.a().request(), "/configs/k2", "2");
        w.a().request().delete("/configs/k2").then().statusCode(204);
        w.a().request().delete("/workspaces/" + w.aWorkspace()).then().statusCode(204);
        TenantFixture.admin().post("/admin/tenants/" + w.a().id() + "/api-keys").then().statusCode(201);
        TenantFixture.admin().get("/admin/tenants/" + w.a().id() + "/api-keys").then().statusCode(200);
    }

    /**
     * Whether a statement names the tenant where it matters: an INSERT in its columns, anything else in its WHERE
     * clause (a tenant_id in the select list alone restricts nothing).
     */
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

    /**
     * A native count as {@code tenant}, through the service's own session and through plain JDBC on its datasource,
     * with nothing but the tenant set: the platform binds the transaction itself. Both counts must agree.
     */
    long countAs(TenantId tenant, String sql) {
        return tenantScope.call(tenant, () -> QuarkusTransaction.requiringNew().call(() -> {
            long viaSession = count(entityManager, sql);
            try (Connection c = dataSource.getConnection(); ResultSet rs = c.createStatement().executeQuery(sql)) {
                rs.next();
                assertEquals(viaSession, rs.getLong(1), "JDBC on the datasource sees what the session sees: " + sql);
            }
            return viaSession;
        }));
    }

    static long count(EntityManager em, String sql) {
        return ((Number) em.createNativeQuery(sql).getSingleResult()).longValue();
    }

    /** Every row of a tenant in every tenant table, as text: compared before and after an attack. */
    static String snapshotOf(TenantFixture t) {
        StringBuilder out = new StringBuilder();
        for (String table : List.of("api_keys", "workspaces", "tenant_configs", "workspace_configs")) {
            out.append(table).append(':').append(TestSql.count("SELECT count(*) FROM " + table + " WHERE tenant_id = ?",
                    t.id())).append(':').append(TestSql.count("SELECT coalesce(sum(hashtext(x::text)), 0) FROM " + table
                            + " x WHERE tenant_id = ?", t.id()))
                    .append('\n');
        }
        return out.toString();
    }

    static void put(RequestSpecification request, String path, String json) {
        int status = request.contentType("application/json").body("{\"value\":" + json + "}").put(path).then()
                .extract().statusCode();
        assertTrue(status == 200 || status == 201, "PUT " + path + " answered " + status);
    }
}
