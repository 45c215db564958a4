package dev.palisade.api.documents;

import static dev.palisade.api.support.Problems.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.palisade.api.support.TenantFixture;
import dev.palisade.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/** The documents REST API on the example collections (customers, orders, notes). */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class DocumentResourceTest {

    private static final String CUSTOMERS = "/collections/customers/documents";
    private static final String ADA = "{\"data\":{\"email\":\"ada@example.com\",\"name\":\"Ada\"}}";

    static ValidatableResponse put(TenantFixture t, String path, String body) {
        return t.request().contentType("application/json").body(body).put(path).then();
    }

    @Test
    void createReadReplacePatchDelete() {
        TenantFixture t = TenantFixture.create("docs");
        String id = t.postJson(CUSTOMERS, ADA).statusCode(201)
                .header("Location", matchesPattern(".*/collections/customers/documents/[0-9a-f-]{36}"))
                .header("ETag", "\"0\"").body("data.name", equalTo("Ada")).body("version", equalTo(0))
                .body("createdAt", notNullValue()).body("updatedAt", notNullValue()).extract().path("id");
        t.request().get(CUSTOMERS + "/" + id).then().statusCode(200).body("id", equalTo(id))
                .body("data.email", equalTo("ada@example.com")).header("ETag", "\"0\"");
        t.request().header("If-None-Match", "\"0\"").get(CUSTOMERS + "/" + id).then().statusCode(304);
        t.request().contentType("application/json").header("If-Match", "\"0\"")
                .body("{\"data\":{\"email\":\"ada@example.com\",\"name\":\"Ada L\"}}").put(CUSTOMERS + "/" + id)
                .then().statusCode(200).body("version", equalTo(1)).header("ETag", "\"1\"");
        t.request().contentType("application/merge-patch+json").header("If-Match", "\"1\"")
                .body("{\"data\":{\"tier\":\"pro\",\"name\":\"Ada Lovelace\"}}").patch(CUSTOMERS + "/" + id).then()
                .statusCode(200).body("data.tier", equalTo("pro")).body("data.name", equalTo("Ada Lovelace"))
                .body("data.email", equalTo("ada@example.com")).body("version", equalTo(2));
        t.request().contentType("application/merge-patch+json").body("{\"data\":{\"tier\":null}}")
                .patch(CUSTOMERS + "/" + id).then().statusCode(200).body("data.tier", nullValue());
        t.request().header("If-Match", "\"1\"").delete(CUSTOMERS + "/" + id).then().statusCode(412);
        t.request().delete(CUSTOMERS + "/" + id).then().statusCode(204);
        t.request().get(CUSTOMERS + "/" + id).then().statusCode(404);
    }

    @Test
    void putHonoursIfNoneMatchAndIfMatch() {
        TenantFixture t = TenantFixture.create("docput");
        t.request().contentType("application/json").header("If-None-Match", "*").body(ADA).put(CUSTOMERS + "/ada")
                .then().statusCode(201).header("Location", matchesPattern(".*/collections/customers/documents/ada"));
        problem(t.request().contentType("application/json").header("If-None-Match", "*").body(ADA)
                .put(CUSTOMERS + "/ada").then(), 412, "precondition-failed").body("currentVersion", equalTo(0));
        problem(t.request().contentType("application/json").header("If-Match", "\"7\"").body(ADA)
                .put(CUSTOMERS + "/ada").then(), 412, "precondition-failed").body("currentVersion", equalTo(0));
        put(t, CUSTOMERS + "/ada", ADA).statusCode(200).body("version", equalTo(0));
        problem(put(t, CUSTOMERS + "/not%20an%20id", ADA), 400, "invalid-field").body("field", equalTo("id"));
    }

    @Test
    void everySchemaViolationIsListedWithItsPointerAndNothingIsStored() {
        TenantFixture t = TenantFixture.create("docbad");
        problem(t.postJson(CUSTOMERS, "{\"data\":{\"email\":\"not-an-email\",\"tier\":\"gold\",\"x\":1}}"), 400,
                "invalid-document").body("violations.pointer", hasItem("/data/email"))
                .body("violations.pointer", hasItem("/data/name")).body("violations.pointer", hasItem("/data/tier"))
                .body("violations.rule", hasItem("required")).body("violations.rule", hasItem("format"))
                .body("violations.rule", hasItem("enum")).body("violations.rule", hasItem("additionalProperties"));
        problem(t.postJson("/collections/orders/documents", "{\"data\":{\"customerId\":7,\"total\":-1}}"), 400,
                "invalid-document").body("violations.pointer", hasItem("/data/customerId"))
                .body("violations.pointer", hasItem("/data/total"));
        problem(t.postJson(CUSTOMERS, "{\"data\":[1]}"), 400, "invalid-document");
        t.request().get("/collections").then().statusCode(200).body("find { it.name == 'customers' }.count",
                equalTo(0));
    }

    @Test
    void unknownCollectionIsABadRequestSuggestingTheClosestDeclaredOneOnEveryEndpoint() {
        TenantFixture t = TenantFixture.create("docunk");
        String typo = "/collections/custmers/documents";
        List<ValidatableResponse> answers = List.of(t.postJson(typo, ADA),
                t.request().get(typo).then(),
                t.request().get(typo + "/ada").then(),
                put(t, typo + "/ada", ADA),
                t.request().contentType("application/merge-patch+json").body("{\"data\":{\"name\":\"x\"}}")
                        .patch(typo + "/ada").then(),
                t.request().delete(typo + "/ada").then(),
                t.postJson(typo + ":bulk", "{\"documents\":[{\"id\":\"ada\",\"data\":{\"n\":1}}]}"));
        for (ValidatableResponse answer : answers) {
            problem(answer, 400, "unknown-collection").body("suggestion", equalTo("customers"))
                    .body("detail", containsString("did you mean 'customers'"));
        }
        problem(t.request().get("/collections/zzzzzzzzzz/documents").then(), 400, "unknown-collection")
                .body("suggestion", nullValue());
        t.request().get("/collections").then().body("find { it.name == 'customers' }.count", equalTo(0));
    }

    @Test
    void uniqueIndexViolationIsAConflictNamingIndexAndField() {
        TenantFixture t = TenantFixture.create("docuniq");
        t.postJson(CUSTOMERS, ADA).statusCode(201);
        problem(t.postJson(CUSTOMERS, ADA), 409, "unique-violation").body("index", equalTo("email"))
                .body("fields", equalTo(List.of("email")));
        t.request().get(CUSTOMERS).then().body("items", hasSize(1));
    }

    @Test
    void indexedFieldOfTheWrongTypeIsRefused() {
        TenantFixture t = TenantFixture.create("doctype");
        problem(t.postJson(CUSTOMERS, "{\"data\":{\"email\":\"t@x.io\",\"name\":\"T\",\"tier\":\"pro\","
                + "\"signedUpAt\":\"2026-01-31T12:00:00\"}}"), 400, "invalid-document")
                .body("violations.pointer", hasItem("/data/signedUpAt"))
                .body("violations.rule", hasItem("indexType"));
        t.postJson(CUSTOMERS, "{\"data\":{\"email\":\"t@x.io\",\"name\":\"T\",\"tier\":\"pro\","
                + "\"signedUpAt\":\"2026-01-31T12:00:00Z\"}}").statusCode(201);
    }

    @Test
    void listPagesByKeyset() {
        TenantFixture t = TenantFixture.create("doclist");
        for (String id : List.of("a", "b", "c")) {
            put(t, "/collections/notes/documents/" + id, "{\"data\":{\"n\":\"" + id + "\"}}").statusCode(201);
        }
        String next = t.request().queryParam("limit", 2).get("/collections/notes/documents").then().statusCode(200)
                .body("items.id", equalTo(List.of("a", "b"))).body("next", notNullValue()).extract().path("next");
        t.request().queryParam("limit", 2).queryParam("after", next).get("/collections/notes/documents").then()
                .body("items.id", equalTo(List.of("c"))).body("next", nullValue());
        problem(t.request().queryParam("after", "garbage!").get("/collections/notes/documents").then(), 400,
                "invalid-field");
        problem(t.request().queryParam("limit", 0).get("/collections/notes/documents").then(), 400,
                "invalid-field");
        t.request().get("/collections").then().body("find { it.name == 'notes' }.count", equalTo(3))
                .body("find { it.name == 'customers' }.indexes.name", hasItem("email"));
    }

    @Test
    void bulkIsAtomicWithPerItemResults() {
        TenantFixture t = TenantFixture.create("docbulk");
        t.postJson(CUSTOMERS + ":bulk", "{\"documents\":[{\"id\":\"a\",\"data\":{\"email\":\"a@x.io\",\"name\":\"A\"}},"
                + "{\"data\":{\"email\":\"b@x.io\",\"name\":\"B\"}}]}").statusCode(200)
                .body("items.status", equalTo(List.of("created", "created"))).body("items[0].id", equalTo("a"));
        // The second item breaks the unique index: neither is written, the first is not replaced.
        problem(t.postJson(CUSTOMERS + ":bulk", "{\"documents\":[{\"id\":\"a\",\"data\":{\"email\":\"a2@x.io\","
                + "\"name\":\"A2\"}},{\"id\":\"c\",\"data\":{\"email\":\"b@x.io\",\"name\":\"C\"}}]}"), 409,
                "unique-violation");
        problem(t.postJson(CUSTOMERS + ":bulk", "{\"documents\":[{\"id\":\"a\",\"data\":{\"email\":\"a2@x.io\","
                + "\"name\":\"A2\"}},{\"id\":\"d\",\"data\":{\"name\":\"D\"}}]}"), 400, "invalid-document")
                .body("violations.pointer", hasItem("/documents/1/data/email"));
        t.request().get(CUSTOMERS + "/a").then().body("data.name", equalTo("A"));
        t.request().get(CUSTOMERS).then().body("items", hasSize(2));
    }

    @Test
    void bulkItemPreconditionsAreCheckedAndAnyFailureStoresNothing() {
        TenantFixture t = TenantFixture.create("docbulkpre");
        String notes = "/collections/notes/documents";
        put(t, notes + "/a", "{\"data\":{\"n\":1}}").statusCode(201);
        put(t, notes + "/a", "{\"data\":{\"n\":2}}").statusCode(200).body("version", equalTo(1));
        // Each bulk holds a new document "fresh" first, then one item whose precondition fails.
        problem(t.postJson(notes + ":bulk", "{\"documents\":[{\"id\":\"fresh\",\"data\":{\"n\":0}},"
                + "{\"id\":\"a\",\"ifMatch\":0,\"data\":{\"n\":3}}]}"), 412, "precondition-failed")
                .body("currentVersion", equalTo(1));
        problem(t.postJson(notes + ":bulk", "{\"documents\":[{\"id\":\"fresh\",\"data\":{\"n\":0}},"
                + "{\"id\":\"a\",\"ifNoneMatch\":\"*\",\"data\":{\"n\":3}}]}"), 412, "precondition-failed")
                .body("currentVersion", equalTo(1));
        problem(t.postJson(notes + ":bulk", "{\"documents\":[{\"id\":\"fresh\",\"data\":{\"n\":0}},"
                + "{\"id\":\"missing\",\"ifMatch\":0,\"data\":{\"n\":3}}]}"), 404, "not-found");
        t.request().get(notes + "/fresh").then().statusCode(404);
        t.request().get(notes + "/a").then().body("version", equalTo(1)).body("data.n", equalTo(2));
        t.postJson(notes + ":bulk", "{\"documents\":[{\"id\":\"fresh\",\"ifNoneMatch\":\"*\",\"data\":{\"n\":0}},"
                + "{\"id\":\"a\",\"ifMatch\":1,\"data\":{\"n\":3}},{\"id\":\"b\",\"data\":{\"n\":4}}]}")
                .statusCode(200).body("items.status", equalTo(List.of("created", "replaced", "created")))
                .body("items.version", equalTo(List.of(0, 2, 0)));
        // Unchanged data is a replace that changes nothing: same version.
        t.postJson(notes + ":bulk", "{\"documents\":[{\"id\":\"a\",\"ifMatch\":2,\"data\":{\"n\":3}}]}")
                .statusCode(200).body("items.status", equalTo(List.of("replaced")))
                .body("items.version", equalTo(List.of(2)));
    }

    @Test
    void aWriteAnswersTheDocumentExactlyAsLaterReadsDoAndUnchangedDataKeepsItsVersion() {
        TenantFixture t = TenantFixture.create("docexact");
        String doc = "/collections/notes/documents/x";
        // jsonb orders keys its own way and drops duplicate whitespace: the answer shows what was stored.
        String written = put(t, doc, "{\"data\":{\"zeta\":1,\"a\":{\"y\":[1, 2.50],\"b\":true}}}")
                .statusCode(201).extract().asString();
        String read = t.request().get(doc).then().statusCode(200).extract().asString();
        org.junit.jupiter.api.Assertions.assertEquals(read, written, "a write must answer what a read returns");
        String updatedAt = t.request().get(doc).then().extract().path("updatedAt");
        t.request().contentType("application/json").header("If-Match", "\"0\"")
                .body("{\"data\":{\"a\":{\"b\":true,\"y\":[1,2.50]},\"zeta\":1}}").put(doc).then()
                .statusCode(200).body("version", equalTo(0)).body("updatedAt", equalTo(updatedAt));
        t.request().contentType("application/merge-patch+json").body("{\"data\":{\"zeta\":1}}").patch(doc).then()
                .statusCode(200).body("version", equalTo(0));
        put(t, doc, "{\"data\":{\"zeta\":2}}").statusCode(200).body("version", equalTo(1))
                .body("data.a", nullValue());
        problem(t.request().contentType("application/json").header("If-Match", "\"0\"").body("{\"data\":{}}")
                .put(doc).then(), 412, "precondition-failed").body("currentVersion", equalTo(1));
        problem(t.request().contentType("application/json").header("If-Match", "\"0\"").body("{\"data\":{}}")
                .put("/collections/notes/documents/nothing").then(), 404, "not-found");
    }

    @Test
    void concurrentUnconditionalWritesOfOneNewIdAllSucceed() throws Exception {
        TenantFixture t = TenantFixture.create("docrace");
        String notes = "/collections/notes/documents";
        int writers = 6;
        for (int round = 0; round < 5; round++) {
            String path = notes + "/race" + round;
            List<java.util.concurrent.Callable<Integer>> puts = new java.util.ArrayList<>();
            for (int w = 0; w < writers; w++) {
                String body = "{\"data\":{\"writer\":" + w + "}}";
                puts.add(() -> put(t, path, body).extract().statusCode());
            }
            List<Integer> statuses = run(puts);
            assertEquals(1, statuses.stream().filter(s -> s == 201).count(), "one creates: " + statuses);
            assertEquals(writers - 1, statuses.stream().filter(s -> s == 200).count(), "the rest replace: " + statuses);
        }
        // Bulks of the same 300 new ids, each in another order: every one is written, none refused or deadlocked.
        List<java.util.concurrent.Callable<Integer>> bulks = new java.util.ArrayList<>();
        for (int w = 0; w < 4; w++) {
            List<String> items = new java.util.ArrayList<>();
            for (int i = 0; i < 300; i++) {
                items.add("{\"id\":\"b" + i + "\",\"data\":{\"writer\":" + w + "}}");
            }
            java.util.Collections.shuffle(items, new java.util.Random(w));
            String body = "{\"documents\":[" + String.join(",", items) + "]}";
            bulks.add(() -> t.postJson(notes + ":bulk", body).extract().statusCode());
        }
        assertEquals(List.of(200, 200, 200, 200), run(bulks));
    }

    private static List<Integer> run(List<java.util.concurrent.Callable<Integer>> calls) throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(calls.size());
        try {
            List<Integer> statuses = new java.util.ArrayList<>();
            for (java.util.concurrent.Future<Integer> f : pool.invokeAll(calls)) {
                statuses.add(f.get());
            }
            return statuses;
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void nulCharacterIsRefused() {
        TenantFixture t = TenantFixture.create("docnul");
        t.postJson("/collections/notes/documents", "{\"data\":{\"t\":\"a\\u0000b\"}}").statusCode(400);
        t.postJson("/collections/notes/documents", "{\"data\":{\"t\":\"\\ud800\"}}").statusCode(400);
        t.request().get("/collections/notes/documents").then().body("items", hasSize(0));
    }
}
