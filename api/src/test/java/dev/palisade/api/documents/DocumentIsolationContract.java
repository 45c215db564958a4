package dev.palisade.api.documents;

import static dev.palisade.api.support.Problems.problem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.palisade.api.support.TenantFixture;
import dev.palisade.documents.store.BulkItem;
import dev.palisade.documents.store.DocumentQueries;
import dev.palisade.documents.store.Documents;
import dev.palisade.documents.store.Precondition;
import dev.palisade.tenancy.NotFoundException;
import dev.palisade.tenancy.TenantId;
import dev.palisade.query.Filters;
import dev.palisade.query.Query;
import dev.palisade.tenancy.context.TenantScope;

/**
 * Document isolation as one contract, run with both walls ({@link DocumentIsolationTest}), with the Hibernate filter
 * off ({@link DocumentIsolationWithoutHibernateFilterTest}) and with row-level security off
 * ({@link DocumentIsolationWithoutRowLevelSecurityTest}): each wall must hold alone. Tenant B owns a customer under
 * the id {@code shared}; tenant A tries every documents endpoint and the Java API on the same collection, id and
 * unique values. A sees nothing of B, meets no conflict caused by B, and B's document is unchanged afterwards.
 */
abstract class DocumentIsolationContract {

    static final String SHARED = "/collections/customers/documents/shared";
    static final String B_DOC = "{\"data\":{\"email\":\"same@example.com\",\"name\":\"B's secret\"}}";
    static final String A_DOC = "{\"data\":{\"email\":\"same@example.com\",\"name\":\"A\"}}";

    @Inject
    Documents documents;
    @Inject
    TenantScope scope;
    @Inject
    ObjectMapper mapper;
    @Inject
    DocumentQueries queries;

    record World(TenantFixture a, TenantFixture b) {
    }

    World world() {
        TenantFixture a = TenantFixture.create("doi-a");
        TenantFixture b = TenantFixture.create("doi-b");
        DocumentResourceTest.put(b, SHARED, B_DOC).statusCode(201);
        return new World(a, b);
    }

    static String snapshotOf(TenantFixture b) {
        return b.request().get(SHARED).then().statusCode(200).extract().asString();
    }

    @Test
    void otherTenantsDocumentIsNotFoundByAnyEndpoint() {
        World w = world();
        String before = snapshotOf(w.b());
        problem(w.a().request().get(SHARED).then(), 404, "not-found");
        problem(w.a().request().contentType("application/merge-patch+json").body("{\"data\":{\"name\":\"x\"}}")
                .patch(SHARED).then(), 404, "not-found");
        problem(w.a().request().delete(SHARED).then(), 404, "not-found");
        problem(w.a().request().contentType("application/json").header("If-Match", "\"0\"").body(A_DOC).put(SHARED)
                .then(), 404, "not-found");
        w.a().request().get("/collections/customers/documents").then().statusCode(200).body("items", hasSize(0));
        w.a().request().get("/collections").then().body("find { it.name == 'customers' }.count", equalTo(0));
        assertEquals(before, snapshotOf(w.b()), "tenant B's document must be unchanged");
    }

    @Test
    void sameIdInTwoTenantsIsEachTenantsOwn() {
        World w = world();
        String before = snapshotOf(w.b());
        w.a().request().contentType("application/json").header("If-None-Match", "*").body(A_DOC).put(SHARED).then()
                .statusCode(201).body("version", equalTo(0));
        w.a().request().get(SHARED).then().body("data.name", equalTo("A"));
        w.a().request().contentType("application/merge-patch+json").body("{\"data\":{\"name\":\"A2\"}}").patch(SHARED)
                .then().statusCode(200);
        w.a().postJson("/collections/customers/documents:bulk", "{\"documents\":[{\"id\":\"shared\",\"data\":"
                + "{\"email\":\"same@example.com\",\"name\":\"A3\"}},{\"id\":\"other\",\"data\":{\"email\":"
                + "\"o@example.com\",\"name\":\"O\"}}]}").statusCode(200)
                .body("items.status", equalTo(List.of("replaced", "created")));
        w.a().request().delete(SHARED).then().statusCode(204);
        assertEquals(before, snapshotOf(w.b()), "tenant B's document must be unchanged");
    }

    @Test
    void uniqueIndexNeverRevealsAnotherTenantsValues() {
        World w = world();
        w.a().postJson("/collections/customers/documents", A_DOC).statusCode(201);
        problem(w.a().postJson("/collections/customers/documents", A_DOC), 409, "unique-violation");
        w.b().request().get("/collections/customers/documents").then().body("items", hasSize(1));
    }

    @Test
    void javaApiSeesOnlyTheCurrentTenant() throws Exception {
        World w = world();
        String before = snapshotOf(w.b());
        TenantId a = TenantId.of(w.a().id());
        assertTrue(scope.call(a, () -> documents.find("customers", "shared")).isEmpty(), "B's document is not A's");
        assertEquals(0, scope.call(a, () -> documents.list("customers", 10, null)).items().size());
        assertEquals(0L, scope.call(a, () -> documents.counts()).get("customers"));
        try {
            scope.call(a, () -> {
                documents.delete("customers", "shared", Precondition.none());
                return null;
            });
            throw new AssertionError("deleting another tenant's document must be a not-found");
        } catch (NotFoundException expected) {
            // B's document is not A's to delete
        }
        var written = scope.call(a, () -> documents.bulk("customers", List.of(new BulkItem("shared",
                mapper.readTree("{\"email\":\"same@example.com\",\"name\":\"A\"}"), Precondition.absent()))));
        assertTrue(written.get(0).created(), "the id is free in tenant A");
        assertEquals(before, snapshotOf(w.b()), "tenant B's document must be unchanged");
    }

    /**
     * Queries name B's id, email and name under OR, NOT, exclude, in, groups and include: the tenant's condition
     * stays outside every one, so A sees only its own documents, and its order referencing B's id includes nothing.
     */
    @Test
    void queriesNeverWidenTheTenantCondition() throws Exception {
        World w = world();
        String before = snapshotOf(w.b());
        String customers = "/collections/customers/documents";
        String orders = "/collections/orders/documents";
        w.a().postJson(customers, "{\"data\":{\"email\":\"a@example.com\",\"name\":\"A\"}}").statusCode(201);
        w.a().postJson(orders, "{\"data\":{\"customerId\":\"shared\",\"total\":1}}").statusCode(201);
        String widen = "{\"OR\":[{\"id\":\"shared\"},{\"data.email\":\"same@example.com\"},"
                + "{\"data.name\":{\"contains\":\"secret\"}},{\"NOT\":{\"id\":\"x\"}}]}";
        w.a().request().queryParam("where", widen).queryParam("count", "true").get(customers).then().statusCode(200)
                .body("items.data.name", equalTo(List.of("A"))).body("total", equalTo(1));
        w.a().request().queryParam("exclude", "{\"id\":\"nothing\"}")
                .queryParam("data.email__in", "same@example.com,a@example.com").get(customers).then()
                .body("items.data.name", equalTo(List.of("A")));
        w.a().request().queryParam("id", "shared").get(customers).then().body("items", hasSize(0));
        w.a().request().queryParam("data.name__icontains", "SECRET").get(customers).then().body("items", hasSize(0));
        w.a().postJson(customers + "/query", "{\"where\":" + widen + ",\"groupBy\":[\"data.name\"],\"_count\":true}")
                .statusCode(200).body("groups", hasSize(1)).body("groups[0].data.name", equalTo("A"));
        w.a().request().queryParam("include", "customer").get(orders).then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].customer", org.hamcrest.Matchers.nullValue());
        w.a().postJson(orders + "/query", "{\"include\":[\"customer\"],\"where\":{\"NOT\":{\"id\":\"x\"}}}")
                .statusCode(200).body("items[0].customer", org.hamcrest.Matchers.nullValue());
        TenantId a = TenantId.of(w.a().id());
        assertEquals(0, scope.call(a, () -> queries.page("customers", Query.where(Filters.or(Filters.eq("id",
                "shared"), Filters.not(Filters.eq("data.email", "a@example.com")))), java.util.Set.of())).items()
                .size());
        assertEquals(before, snapshotOf(w.b()), "tenant B's document must be unchanged");
    }
}
