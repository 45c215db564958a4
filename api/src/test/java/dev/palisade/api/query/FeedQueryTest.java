package dev.palisade.api.query;

import static dev.palisade.api.support.Problems.problem;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.palisade.api.support.TenantFixture;
import dev.palisade.events.query.FeedQueries;
import dev.palisade.query.Filters;
import dev.palisade.query.Query;
import dev.palisade.query.QueryRunner;
import dev.palisade.query.Scope;
import dev.palisade.testing.PostgresTestResource;
import dev.palisade.testing.TestSql;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** The event feed with filters on typed fields and on data and metadata paths; gap-free across windows. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class FeedQueryTest {

    /** Twelve events; amounts over 100 at the 2nd, 9th and 11th; the test profile's window is 5 events. */
    private static TenantFixture seeded() {
        TenantFixture t = TenantFixture.create("qfeed");
        int[] amounts = {5, 150, 7, 8, 9, 10, 11, 12, 500, 14, 101, 16};
        for (int i = 0; i < amounts.length; i++) {
            String type = i % 2 == 0 ? "OrderPlaced" : "OrderShipped";
            t.postJson("/streams/order-" + (i % 3) + "/events", "{\"expectedVersion\":\"any\",\"events\":[{\"type\":\""
                    + type + "\",\"data\":{\"amount\":" + amounts[i] + ",\"note\":\"n" + i + "\"},\"metadata\":"
                    + "{\"correlationId\":\"c" + (i % 4) + "\"}}]}").statusCode(201);
        }
        return t;
    }

    /** Every page of the feed with {@code params}, following next, as amounts. */
    private static List<Integer> follow(TenantFixture t, Map<String, String> params, int limit) {
        List<Integer> amounts = new ArrayList<>();
        Long after = 0L;
        for (int guard = 0; after != null && guard < 50; guard++) {
            Response page = t.request().queryParams(params).queryParam("after", after).queryParam("limit", limit)
                    .get("/events");
            page.then().statusCode(200);
            amounts.addAll(page.path("events.data.amount"));
            Number next = page.path("next");
            after = next == null ? null : next.longValue();
        }
        return amounts;
    }

    @Test
    void filteredReadersSeeEveryMatchingEventAcrossWindows() {
        TenantFixture t = seeded();
        for (int limit = 1; limit <= 4; limit++) {
            assertEquals(List.of(150, 500, 101), follow(t, Map.of("data.amount__gt", "100"), limit), "limit " + limit);
        }
        assertEquals(List.of(150, 500), follow(t, Map.of("where", "{\"data.amount\":{\"gte\":150}}"), 1));
        assertEquals(List.of(5, 9, 500), follow(t, Map.of("metadata.correlationId", "c0"), 2));
        assertEquals(List.of(500, 101), follow(t, Map.of("data.amount__gt", "100", "type", "OrderPlaced"), 2));
        assertEquals(List.of(150, 101), follow(t, Map.of("data.amount__gt", "100", "streamId", "order-1"), 2));
        assertEquals(List.of(150, 500, 101), follow(t, Map.of("data.note__in", "n1,n8,n10"), 5));
    }

    @Test
    void countSelectAndErrors() {
        TenantFixture t = seeded();
        t.request().queryParam("data.amount__lt", "100").queryParam("count", "true").queryParam("limit", 2)
                .get("/events").then().statusCode(200).body("total", equalTo(9)).body("events", hasSize(2));
        t.request().queryParam("select", "data.amount").queryParam("type", "OrderShipped").queryParam("limit", 1)
                .queryParam("data.amount__gte", 0).get("/events").then().statusCode(200)
                .body("events[0].data.amount", equalTo(150)).body("events[0].type", nullValue())
                .body("events[0].position", org.hamcrest.Matchers.notNullValue());
        problem(t.request().queryParam("strmId", "x").get("/events").then(), 400, "unknown-field")
                .body("suggestion", equalTo("streamId"));
        problem(t.request().queryParam("tenantId", "x").get("/events").then(), 400, "invalid-field");
        problem(t.request().queryParam("orderBy", "-position").get("/events").then(), 400, "invalid-field");
        t.request().get("/events").then().statusCode(200).body("events", hasSize(12));
        t.request().queryParam("type", "OrderPlaced").get("/events").then().body("events.data.amount",
                contains(5, 7, 9, 11, 500, 101));
    }

    /** The window and the page follow (tenant_id, position) on a seeded table; the filter is bounded by the window. */
    @Test
    void aFilteredPageReadsAlongThePositionIndex() throws Exception {
        TenantFixture t = TenantFixture.create("qplan");
        try (Connection c = TestSql.superuser(); Statement st = c.createStatement()) {
            st.execute("""
                    INSERT INTO events (tenant_id, position, stream_id, version, event_id, type, data, metadata,
                                        recorded_at)
                    SELECT '%s', g, 's-' || (g %% 100), g / 100 + 1, gen_random_uuid(), 'T' || (g %% 7),
                           jsonb_build_object('amount', g), '{}', now()
                      FROM generate_series(1, 30000) g""".formatted(t.id()));
            st.execute("ANALYZE events");
            var page = QueryRunner.pageStatement(FeedQueries.CATALOG, Query.where(Filters.gt("data.amount", 100)),
                    Scope.of("e.tenant_id = ? AND e.position > ? AND e.position <= ?", t.id(), 20000L, 30000L));
            String plan = explain(c, page.sql(), page.parameters());
            assertTrue(plan.contains("events_pk"), plan);
            assertTrue(!plan.contains("Seq Scan"), plan);
        }
    }

    private static String explain(Connection c, String sql, List<Object> params) throws Exception {
        try (PreparedStatement st = c.prepareStatement("EXPLAIN " + sql)) {
            for (int i = 0; i < params.size(); i++) {
                st.setObject(i + 1, params.get(i));
            }
            StringBuilder plan = new StringBuilder();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    plan.append(rs.getString(1)).append('\n');
                }
            }
            return plan.toString();
        }
    }
}
