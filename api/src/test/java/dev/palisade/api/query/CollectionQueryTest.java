package dev.palisade.api.query;

import static dev.palisade.api.support.Problems.problem;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import dev.palisade.api.support.RecordingStatementInspector;
import dev.palisade.api.support.TenantFixture;
import dev.palisade.testing.PostgresTestResource;
import dev.palisade.testing.TestSql;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** The query language over REST on workspaces, configs and the admin tenant list. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class CollectionQueryTest {

    private static TenantFixture withWorkspaces(String... slugs) {
        TenantFixture t = TenantFixture.create("q");
        for (String slug : slugs) {
            t.workspace("Name " + slug.toUpperCase(Locale.ROOT), slug);
        }
        return t;
    }

    @Test
    void lookupsWhereExcludeSelectAndCount() {
        TenantFixture t = withWorkspaces("acme", "acorn", "beta");
        t.workspace("100%_off", "sale");
        t.request().queryParam("slug__startswith", "ac").queryParam("orderBy", "slug").get("/workspaces").then()
                .statusCode(200).body("slug", contains("acme", "acorn"));
        t.request().queryParam("name__contains", "%_").get("/workspaces").then().body("slug", contains("sale"));
        t.request().queryParam("name__startswith", "1_0").get("/workspaces").then().body("", hasSize(0));
        t.request().queryParam("name__icontains", "BET").get("/workspaces").then().body("slug", contains("beta"));
        t.request().queryParam("slug__in", "beta,acme").get("/workspaces").then().body("slug",
                contains("acme", "beta"));
        t.request().queryParam("where", "{\"OR\":[{\"slug\":\"beta\"},{\"slug\":{\"endsWith\":\"orn\"}}]}")
                .get("/workspaces").then().body("slug", contains("acorn", "beta"));
        t.request().queryParam("exclude", "{\"slug\":{\"startsWith\":\"ac\"}}").get("/workspaces").then()
                .body("slug", contains("beta", "sale"));
        t.request().queryParam("createdAt__gte", "2000-01-01T00:00:00Z").queryParam("count", "true")
                .queryParam("limit", "2").get("/workspaces").then().statusCode(200).header("X-Total-Count", "4")
                .header("X-Next-Cursor", notNullValue()).body("", hasSize(2));
        t.request().queryParam("select", "slug").queryParam("slug", "beta").get("/workspaces").then()
                .body("[0].slug", equalTo("beta")).body("[0].id", nullValue()).body("[0].name", nullValue());
        t.request().queryParam("version__gte", "0").queryParam("version__lt", "1").get("/workspaces").then()
                .body("", hasSize(4));
    }

    @Test
    void cursorsPageThroughEveryWorkspaceOnceInMixedOrders() {
        TenantFixture t = withWorkspaces("w1", "w2", "w3", "w4", "w5");
        for (String orderBy : List.of("slug", "-slug", "-version,name", "createdAt,-slug")) {
            List<String> all = t.request().queryParam("orderBy", orderBy).get("/workspaces").then().extract()
                    .path("slug");
            List<String> paged = new ArrayList<>();
            String cursor = null;
            for (int i = 0; i < 10; i++) {
                var request = t.request().queryParam("orderBy", orderBy).queryParam("limit", 2);
                Response page = (cursor == null ? request : request.queryParam("cursor", cursor)).get("/workspaces");
                page.then().statusCode(200);
                paged.addAll(page.path("slug"));
                cursor = page.header("X-Next-Cursor");
                if (cursor == null) {
                    break;
                }
                assertTrue(page.header("Link").contains("rel=\"next\""), page.header("Link"));
            }
            assertEquals(all, paged, "orderBy " + orderBy);
        }
        String cursor = t.request().queryParam("limit", 1).get("/workspaces").header("X-Next-Cursor");
        problem(t.request().queryParam("cursor", cursor).queryParam("orderBy", "-slug").get("/workspaces").then(), 400,
                "invalid-field").body("field", equalTo("cursor"));
    }

    @Test
    void badQueriesAreProblemsThatNameTheFieldAndSuggest() {
        TenantFixture t = withWorkspaces("one");
        problem(t.request().queryParam("craetedAt__gte", "2026-01-01T00:00:00Z").get("/workspaces").then(), 400,
                "unknown-field").body("field", equalTo("craetedAt")).body("suggestion", equalTo("createdAt"))
                .body("detail", containsString("Did you mean 'createdAt'?"));
        problem(t.request().queryParam("slug__startwith", "o").get("/workspaces").then(), 400, "unknown-field")
                .body("suggestion", equalTo("startswith"));
        problem(t.request().queryParam("createdAt__gte", "yesterday").get("/workspaces").then(), 400, "invalid-field")
                .body("field", equalTo("createdAt")).body("detail", containsString("ISO-8601 timestamp"));
        problem(t.request().queryParam("where", "{\"version\":\"x\"}").get("/workspaces").then(), 400, "invalid-field")
                .body("detail", containsString("an integer"));
        problem(t.request().queryParam("where", "{not json").get("/workspaces").then(), 400, "invalid-field")
                .body("field", equalTo("where"));
        problem(t.request().queryParam("limit", "1001").get("/workspaces").then(), 400, "invalid-field");
        problem(t.request().queryParam("orderBy", "tenantId").get("/workspaces").then(), 400, "invalid-field")
                .body("field", equalTo("tenantId"));
        problem(t.request().queryParam("select", "tenant_id").get("/workspaces").then(), 400, "invalid-field");
        problem(t.request().queryParam("include", "config").get("/workspaces").then(), 400, "unknown-field")
                .body("suggestion", equalTo("configs"));
        String deep = "{\"slug\":\"one\"}";
        for (int i = 0; i < 11; i++) {
            deep = "{\"AND\":[" + deep + "]}";
        }
        problem(t.request().queryParam("where", deep).get("/workspaces").then(), 400, "bad-request");
        problem(t.postJson("/workspaces/query", "{\"wehre\":{}}"), 400, "unknown-field")
                .body("suggestion", equalTo("where"));
        problem(t.postJson("/workspaces/query", "{\"limit\":\"ten\"}"), 400, "invalid-field");
        t.request().get("/workspaces").then().statusCode(200).body("slug", contains("one"));
    }

    @Test
    void queryBodiesPageAndGroup() {
        TenantFixture t = withWorkspaces("g1", "g2", "h1");
        t.postJson("/workspaces/query", "{\"where\":{\"slug\":{\"startsWith\":\"g\"}},\"count\":true,\"limit\":1}")
                .statusCode(200).body("items", hasSize(1)).body("total", equalTo(2)).body("next", notNullValue());
        t.postJson("/workspaces/query", "{\"groupBy\":[\"version\"],\"_count\":true,\"_max\":[\"slug\"],"
                + "\"having\":{\"_count\":{\"gte\":3}}}").statusCode(200).body("groups", hasSize(1))
                .body("groups[0]._count", equalTo(3)).body("groups[0].'_max.slug'", equalTo("h1"))
                .body("truncated", equalTo(false));
        put(t, "/configs/theme", "{\"dark\":true,\"size\":12}");
        put(t, "/configs/lang", "\"de\"");
        put(t, "/configs/limits", "{\"dark\":false,\"size\":3}");
        t.request().queryParam("value.dark", "true").get("/configs").then().statusCode(200)
                .body("key", contains("theme")).body("[0].value.size", equalTo(12));
        t.request().queryParam("value.size__gt", "5").get("/configs").then().body("key", contains("theme"));
        t.request().queryParam("key__in", "lang,theme").queryParam("orderBy", "-key").get("/configs").then()
                .body("key", contains("theme", "lang"));
        t.postJson("/configs/query", "{\"_sum\":[\"value.size\"],\"_count\":true}").statusCode(200)
                .body("groups[0]._count", equalTo(3)).body("groups[0].'_sum.value.size'", equalTo(15));
        String ws = t.request().queryParam("slug", "g1").get("/workspaces").path("[0].id");
        put(t, "/workspaces/" + ws + "/configs/a", "1");
        put(t, "/workspaces/" + ws + "/configs/b", "2");
        t.request().queryParam("value__gt", "1").get("/workspaces/" + ws + "/configs").then().body("key",
                contains("b"));
    }

    @Test
    void theAdminTenantListAnswersTheLanguage() {
        TenantFixture t = TenantFixture.create("qadmin");
        TenantFixture.admin().post("/admin/tenants/" + t.id() + "/suspend").then().statusCode(200);
        TenantFixture.admin().queryParam("id", t.id()).get("/admin/tenants").then().statusCode(200)
                .body("status", contains("suspended"));
        TenantFixture.admin().queryParam("id__startswith", "qadmin-").queryParam("status", "suspended")
                .queryParam("count", "true").get("/admin/tenants").then().statusCode(200)
                .body("id", org.hamcrest.Matchers.hasItem(t.id()));
        TenantFixture.admin().contentType("application/json").body("{\"groupBy\":[\"status\"],\"_count\":true}")
                .post("/admin/tenants/query").then().statusCode(200).body("groups.status", org.hamcrest.Matchers
                        .hasItem("suspended"));
        problem(TenantFixture.admin().queryParam("stauts", "active").get("/admin/tenants").then(), 400,
                "unknown-field").body("suggestion", equalTo("status"));
    }

    /** include=configs reads the configs of a whole page in one statement: as many for 500 parents as for 1. */
    @Test
    void includeReadsAsManyStatementsForOneParentAsForFiveHundred() throws Exception {
        TenantFixture one = withWorkspaces("only");
        put(one, "/workspaces/" + one.request().get("/workspaces").path("[0].id") + "/configs/k", "1");
        TenantFixture many = TenantFixture.create("qmany");
        try (Connection c = TestSql.superuser(); Statement st = c.createStatement()) {
            st.execute("INSERT INTO workspaces SELECT '" + many.id() + "', gen_random_uuid(), 'n' || g, 's-' || g, "
                    + "now(), now(), 0 FROM generate_series(1, 500) g");
            st.execute("INSERT INTO workspace_configs SELECT tenant_id, id, 'k', '1', now(), now(), 0 FROM workspaces "
                    + "WHERE tenant_id = '" + many.id() + "'");
        }
        long forOne = statementsFor(one);
        long forMany = statementsFor(many);
        assertEquals(forOne, forMany, "statements for 1 and for 500 workspaces with their configs");
        assertEquals(2, forOne, "the page and its configs; the statement timeout rides on the tenant binding, no "
                + "statement of its own");
        many.request().queryParam("include", "configs").queryParam("limit", 500).get("/workspaces").then()
                .body("", hasSize(500)).body("[499].configs[0].key", equalTo("k"));
    }

    private static long statementsFor(TenantFixture t) {
        RecordingStatementInspector.clear();
        t.request().queryParam("include", "configs").queryParam("limit", 500).get("/workspaces").then()
                .statusCode(200).body("[0].configs", hasSize(1));
        return RecordingStatementInspector.statements().stream()
                .filter(sql -> sql.contains("workspace") || sql.contains("statement_timeout")).count();
    }

    @Test
    void aQueryBeyondItsStatementTimeoutIsA503WithAHint() throws Exception {
        TenantFixture t = withWorkspaces("locked");
        try (Connection c = TestSql.superuser(); Statement st = c.createStatement()) {
            c.setAutoCommit(false);
            st.execute("LOCK TABLE workspaces IN ACCESS EXCLUSIVE MODE");
            problem(t.request().get("/workspaces").then(), 503, "service-unavailable").header("Retry-After", "1")
                    .body("hint", containsString("index"));
            c.rollback();
        }
        t.request().get("/workspaces").then().statusCode(200).body("slug", contains("locked"));
    }

    private static void put(TenantFixture t, String path, String value) {
        t.request().contentType("application/json").body("{\"value\":" + value + "}").put(path).then()
                .statusCode(org.hamcrest.Matchers.anyOf(equalTo(200), equalTo(201)));
    }
}
