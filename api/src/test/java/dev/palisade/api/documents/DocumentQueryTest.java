package dev.palisade.api.documents;

import static dev.palisade.api.support.Problems.problem;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.palisade.api.support.RecordingStatementInspector;
import dev.palisade.api.support.TenantFixture;
import dev.palisade.testing.PostgresTestResource;
import dev.palisade.testing.TestSql;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** The query language over REST on document collections (the example customers, orders and notes). */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class DocumentQueryTest {

    static final String ORDERS = "/collections/orders/documents";
    static final String NOTES = "/collections/notes/documents";

    /** Customers c1 and c2; orders o1..o5 (o5 references a customer that does not exist). */
    static TenantFixture shop(String prefix) {
        TenantFixture t = TenantFixture.create(prefix);
        t.postJson("/collections/customers/documents:bulk", "{\"documents\":["
                + "{\"id\":\"c1\",\"data\":{\"email\":\"ada@example.com\",\"name\":\"Ada\",\"tier\":\"pro\"}},"
                + "{\"id\":\"c2\",\"data\":{\"email\":\"bob@example.com\",\"name\":\"Bob\"}}]}").statusCode(200);
        t.postJson(ORDERS + ":bulk", "{\"documents\":["
                + "{\"id\":\"o1\",\"data\":{\"customerId\":\"c1\",\"total\":120.5,\"paid\":true,\"note\":\"RUSH 50%\"}},"
                + "{\"id\":\"o2\",\"data\":{\"customerId\":\"c1\",\"total\":30}},"
                + "{\"id\":\"o3\",\"data\":{\"customerId\":\"c2\",\"total\":250,\"paid\":false}},"
                + "{\"id\":\"o4\",\"data\":{\"customerId\":\"c2\",\"total\":30,\"paid\":true}},"
                + "{\"id\":\"o5\",\"data\":{\"customerId\":\"gone\",\"total\":5}}]}").statusCode(200);
        return t;
    }

    private static List<String> ids(TenantFixture t, String path, Map<String, String> params) {
        return t.request().queryParams(params).get(path).then().statusCode(200).extract().path("items.id");
    }

    @Test
    void lookupsWhereExcludeSelectAndCountOnDataPathsAndTypedFields() {
        TenantFixture t = shop("dq");
        assertEquals(List.of("o1", "o3"), ids(t, ORDERS, Map.of("data.total__gt", "100")));
        assertEquals(List.of("o1", "o2"), ids(t, ORDERS, Map.of("data.customerId", "c1")));
        assertEquals(List.of("o3", "o1", "o4", "o2", "o5"), ids(t, ORDERS, Map.of("orderBy", "-data.total,-id")));
        assertEquals(List.of("o2", "o4"), ids(t, ORDERS, Map.of("data.total__range", "10,100")));
        assertEquals(List.of("o1", "o4"), ids(t, ORDERS, Map.of("data.paid", "true")));
        assertEquals(List.of("o2", "o5"), ids(t, ORDERS, Map.of("data.paid__isnull", "true")));
        assertEquals(List.of("o1"), ids(t, ORDERS, Map.of("data.note__icontains", "rush 50%")));
        assertEquals(List.of("o1", "o2"), ids(t, ORDERS, Map.of("id__in", "o1,o2,zz", "version", "0",
                "createdAt__gte", "2020-01-01T00:00:00Z", "updatedAt__lt", "2999-01-01T00:00:00Z")));
        assertEquals(List.of("o3", "o5"), ids(t, ORDERS, Map.of("where", "{\"OR\":[{\"data.paid\":false},"
                + "{\"data.total\":{\"lt\":10}}]}")));
        assertEquals(List.of("o3", "o4", "o5"), ids(t, ORDERS, Map.of("exclude", "{\"data.customerId\":"
                + "{\"startsWith\":\"c1\"}}")));
        assertEquals(List.of("c1"), ids(t, "/collections/customers/documents", Map.of("data.email__iexact",
                "ADA@example.com")));
        t.request().queryParam("data.customerId", "c2").queryParam("count", "true").queryParam("limit", "1")
                .queryParam("select", "id,data.total").get(ORDERS).then().statusCode(200).body("total", equalTo(2))
                .body("items[0]", equalTo(Map.of("id", "o3", "data", Map.of("total", 250))))
                .body("next", notNullValue());
        t.request().get(ORDERS).then().body("items[0].data.customerId", equalTo("c1"))
                .body("items[0].version", equalTo(0)).body("items[0].createdAt", notNullValue())
                .body("next", nullValue()).body("total", nullValue());
    }

    @Test
    void mistakesAreProblemsThatNameTheFieldAndSuggest() {
        TenantFixture t = shop("dqbad");
        problem(t.request().queryParam("data.total__gt", "lots").get(ORDERS).then(), 400, "invalid-field")
                .body("field", equalTo("data.total")).body("detail", containsString("a number"));
        problem(t.request().queryParam("dta.total", "1").get(ORDERS).then(), 400, "unknown-field")
                .body("suggestion", equalTo("data.total"));
        problem(t.request().queryParam("data.total__gtt", "1").get(ORDERS).then(), 400, "unknown-field")
                .body("suggestion", equalTo("gt"));
        problem(t.request().queryParam("tenantId", "x").get(ORDERS).then(), 400, "invalid-field");
        problem(t.request().queryParam("orderBy", "collection").get(ORDERS).then(), 400, "invalid-field");
        problem(t.request().queryParam("include", "customers").get(ORDERS).then(), 400, "unknown-field")
                .body("suggestion", equalTo("customer"));
        problem(t.request().queryParam("limit", "1001").get(ORDERS).then(), 400, "invalid-field");
        problem(t.request().queryParam("cursor", "x").queryParam("after", "y").get(ORDERS).then(), 400,
                "invalid-field").body("field", equalTo("after"));
        String next = t.request().queryParam("limit", 1).queryParam("orderBy", "-data.total").get(ORDERS)
                .path("next");
        problem(t.request().queryParam("cursor", next).get(ORDERS).then(), 400, "invalid-field")
                .body("field", equalTo("cursor"));
        problem(t.request().queryParam("data.total__gt", "1").get("/collections/order/documents").then(), 400,
                "unknown-collection").body("suggestion", equalTo("orders"));
        problem(t.postJson("/collections/ordrs/documents/query", "{}"), 400, "unknown-collection")
                .body("suggestion", equalTo("orders"));
        problem(t.postJson(ORDERS + "/query", "{\"wehre\":{}}"), 400, "unknown-field")
                .body("suggestion", equalTo("where"));
    }

    /** Every page of a query, following next, as ids. */
    private static List<String> allPages(TenantFixture t, String orderBy, int limit, String cursorName) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        for (int guard = 0; guard < 100; guard++) {
            var request = t.request().queryParam("orderBy", orderBy).queryParam("limit", limit);
            Response page = (cursor == null ? request : request.queryParam(cursorName, cursor)).get(NOTES);
            page.then().statusCode(200);
            ids.addAll(page.path("items.id"));
            cursor = page.path("next");
            if (cursor == null) {
                return ids;
            }
        }
        throw new AssertionError("paging did not end");
    }

    @Test
    void cursorsPageExactlyOnJsonPathsWithTiesMissingKeysAndMixedDirections() {
        TenantFixture t = TenantFixture.create("dqpage");
        String[] ns = {"3", "1", "null", null, "\"x\"", "1", "2.5", null, "3", "true", "1.0", "\"a\""};
        StringBuilder bulk = new StringBuilder("{\"documents\":[");
        for (int i = 0; i < ns.length; i++) {
            bulk.append(i == 0 ? "" : ",").append("{\"id\":\"n").append(i).append("\",\"data\":{\"g\":")
                    .append(i % 3).append(ns[i] == null ? "" : ",\"n\":" + ns[i]).append("}}");
        }
        t.postJson(NOTES + ":bulk", bulk.append("]}").toString()).statusCode(200);
        for (String orderBy : List.of("data.n", "-data.n", "-data.n,id", "data.g,-data.n", "-data.g,data.n,-id",
                "-createdAt,data.n")) {
            List<String> all = t.request().queryParam("orderBy", orderBy).queryParam("limit", 1000).get(NOTES)
                    .path("items.id");
            assertEquals(12, all.size());
            for (int limit = 1; limit <= 3; limit++) {
                assertEquals(all, allPages(t, orderBy, limit, "cursor"), orderBy + " in pages of " + limit);
            }
            assertEquals(all, allPages(t, orderBy, 5, "after"), "after is the cursor's other name");
        }
        List<String> ascending = t.request().queryParam("orderBy", "data.n").queryParam("limit", 1000).get(NOTES)
                .path("items.id");
        assertEquals(List.of("n11", "n4"), ascending.subList(0, 2), "strings first in jsonb's order");
        assertEquals(List.of("n2", "n3", "n7"), ascending.subList(9, 12).stream().sorted().toList(),
                "JSON null and missing keys last ascending");
    }

    @Test
    void aDeclaredTimestampPathFiltersAndPagesByInstant() {
        TenantFixture t = TenantFixture.create("dqtime");
        t.postJson("/collections/customers/documents:bulk", "{\"documents\":["
                + "{\"id\":\"a\",\"data\":{\"email\":\"a@x.io\",\"name\":\"A\",\"signedUpAt\":\"2026-01-01T12:00:00+02:00\"}},"
                + "{\"id\":\"b\",\"data\":{\"email\":\"b@x.io\",\"name\":\"B\",\"signedUpAt\":\"2026-01-01T11:00:00Z\"}},"
                + "{\"id\":\"c\",\"data\":{\"email\":\"c@x.io\",\"name\":\"C\",\"signedUpAt\":\"2026-01-01T10:00:00Z\"}},"
                + "{\"id\":\"d\",\"data\":{\"email\":\"d@x.io\",\"name\":\"D\"}}]}").statusCode(200);
        String customers = "/collections/customers/documents";
        // 12:00+02:00 is 10:00Z: compared as instants, not as text.
        assertEquals(List.of("b"), ids(t, customers, Map.of("data.signedUpAt__gt", "2026-01-01T10:30:00Z")));
        assertEquals(List.of("a", "c"), ids(t, customers, Map.of("data.signedUpAt", "2026-01-01T10:00:00Z")));
        List<String> pages = new ArrayList<>();
        String cursor = null;
        do {
            var request = t.request().queryParam("orderBy", "-data.signedUpAt,-id").queryParam("limit", 1);
            Response page = (cursor == null ? request : request.queryParam("cursor", cursor)).get(customers);
            pages.addAll(page.path("items.id"));
            cursor = page.path("next");
        } while (cursor != null && pages.size() < 10);
        assertEquals(List.of("d", "b", "c", "a"), pages, "NULL first descending, then by instant, ties by id");
        problem(t.request().queryParam("data.signedUpAt__gte", "yesterday").get(customers).then(), 400,
                "invalid-field").body("detail", containsString("timestamp"));
    }

    @Test
    void queryBodiesPageAndGroup() {
        TenantFixture t = shop("dqbody");
        t.postJson(ORDERS + "/query", "{\"where\":{\"data.total\":{\"gte\":30}},\"orderBy\":[\"-data.total\",\"id\"],"
                + "\"limit\":2,\"count\":true,\"select\":[\"id\",\"data.total\"]}").statusCode(200)
                .body("items.id", equalTo(List.of("o3", "o1"))).body("total", equalTo(4))
                .body("next", notNullValue());
        t.postJson(ORDERS + "/query", "{\"groupBy\":[\"data.customerId\"],\"_count\":true,\"_sum\":[\"data.total\"],"
                + "\"_max\":[\"data.total\"],\"having\":{\"_count\":{\"gt\":1}}}").statusCode(200)
                .body("groups", hasSize(2)).body("truncated", equalTo(false))
                .body("groups[0].data.customerId", equalTo("c1")).body("groups[0]._count", equalTo(2))
                .body("groups[0].'_sum.data.total'", equalTo(150.5f))
                .body("groups[1].'_max.data.total'", equalTo(250));
        t.postJson(ORDERS + "/query", "{\"groupBy\":[\"data.paid\"],\"limit\":1}").statusCode(200)
                .body("groups", hasSize(1)).body("truncated", equalTo(true));
        t.postJson(ORDERS + "/query", "{\"include\":[\"customer\"],\"where\":{\"id\":\"o3\"}}").statusCode(200)
                .body("items[0].customer.data.name", equalTo("Bob"));
    }

    @Test
    void includeAttachesTheReferencedDocumentOrNull() {
        TenantFixture t = shop("dqinc");
        t.request().queryParam("include", "customer").queryParam("orderBy", "id").get(ORDERS).then().statusCode(200)
                .body("items[0].customer.id", equalTo("c1")).body("items[0].customer.data.email",
                        equalTo("ada@example.com"))
                .body("items[2].customer.data.name", equalTo("Bob")).body("items[4].customer", nullValue())
                .body("items[4].data.customerId", equalTo("gone"));
        t.request().queryParam("include", "customer").queryParam("select", "id,data.customerId").get(ORDERS).then()
                .statusCode(200).body("items[0].customer.data.name", equalTo("Ada"));
        problem(t.request().queryParam("include", "customer").queryParam("select", "id,data.total").get(ORDERS)
                .then(), 400, "invalid-field").body("field", equalTo("include"));
    }

    /** include reads the referenced documents of a whole page in one statement: as many for 500 orders as for 1. */
    @Test
    void includeReadsAsManyStatementsForOneParentAsForFiveHundred() throws Exception {
        TenantFixture one = TenantFixture.create("dqone");
        one.postJson("/collections/customers/documents", "{\"data\":{\"email\":\"a@example.com\",\"name\":\"A\"}}");
        String customer = one.request().get("/collections/customers/documents").path("items[0].id");
        one.postJson(ORDERS, "{\"data\":{\"customerId\":\"" + customer + "\",\"total\":1}}").statusCode(201);
        TenantFixture many = TenantFixture.create("dqmany");
        try (Connection c = TestSql.superuser(); Statement st = c.createStatement()) {
            st.execute("INSERT INTO documents SELECT '" + many.id() + "', 'customers', 'c' || g, jsonb_build_object("
                    + "'email', 'c' || g || '@example.com', 'name', 'C' || g), now(), now(), 0 "
                    + "FROM generate_series(1, 500) g");
            st.execute("INSERT INTO documents SELECT '" + many.id() + "', 'orders', 'o' || g, jsonb_build_object("
                    + "'customerId', 'c' || g, 'total', g), now(), now(), 0 FROM generate_series(1, 500) g");
        }
        long forOne = statementsFor(one);
        long forMany = statementsFor(many);
        assertEquals(forOne, forMany, "statements for 1 and for 500 orders with their customers");
        assertEquals(2, forOne, "the page and its customers; the statement timeout rides on the tenant binding, no "
                + "statement of its own");
        many.request().queryParam("include", "customer").queryParam("limit", 500).queryParam("orderBy", "data.total")
                .get(ORDERS).then().body("items", hasSize(500)).body("items[499].customer.id", equalTo("c500"));
    }

    private static long statementsFor(TenantFixture t) {
        RecordingStatementInspector.clear();
        t.request().queryParam("include", "customer").queryParam("limit", 500).get(ORDERS).then().statusCode(200)
                .body("items[0].customer", notNullValue());
        return RecordingStatementInspector.statements().stream()
                .filter(sql -> sql.contains("documents") || sql.contains("statement_timeout")).count();
    }

    @Test
    void aQueryOnAnUndeclaredPathBeyondItsStatementTimeoutIsA503WithAHint() throws Exception {
        TenantFixture t = shop("dqslow");
        try (Connection c = TestSql.superuser(); Statement st = c.createStatement()) {
            c.setAutoCommit(false);
            st.execute("LOCK TABLE documents IN ACCESS EXCLUSIVE MODE");
            problem(t.request().queryParam("data.note__contains", "RUSH").get(ORDERS).then(), 503,
                    "service-unavailable").header("Retry-After", "1").body("hint", containsString("index"));
            c.rollback();
        }
        assertEquals(List.of("o1"), ids(t, ORDERS, Map.of("data.note__contains", "RUSH")));
    }
}
