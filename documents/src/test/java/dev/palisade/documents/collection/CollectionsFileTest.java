package dev.palisade.documents.collection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The collections file: what it declares, and that every mistake names the file, the line and what is wrong. */
class CollectionsFileTest {

    private static final String GOOD = """
            collections:
              customers:
                schema:
                  type: object
                  required: [email]
                  properties:
                    email: {type: string, format: email}
                indexes:
                  email: {fields: {email: text}, unique: true}
              orders:
                indexes:
                  by_customer: {fields: {customerId: text, total: number}}
                references: {customerId: customers}
              notes: {}
            """;

    private static String errorOf(String yaml) {
        return assertThrows(DeclarationException.class, () -> CollectionsFile.parse("c.yaml", yaml)).getMessage();
    }

    @Test
    void declaresCollectionsIndexesAndReferences() throws Exception {
        Declarations d = CollectionsFile.parse("c.yaml", GOOD);
        assertEquals(List.of("customers", "orders", "notes"), d.collections().stream().map(c -> c.name()).toList());
        DeclaredIndex email = d.find("customers").orElseThrow().indexes().get(0);
        assertTrue(email.unique());
        assertEquals("CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS doc_customers__email ON documents (tenant_id, "
                + "(palisade_doc_text(data, '{email}'))) WHERE collection = 'customers'", email.createSql());
        // A number is indexed by its float8 key (LEAKPROOF comparisons), then by its exact value.
        assertEquals("CREATE INDEX CONCURRENTLY IF NOT EXISTS doc_orders__by_customer ON documents (tenant_id, "
                + "(palisade_doc_text(data, '{customerId}')), (palisade_doc_number_key(data, '{total}')), "
                + "(palisade_doc_number(data #> '{total}'))) WHERE collection = 'orders'",
                d.find("orders").orElseThrow().indexes().get(0).createSql());
        // Planner statistics per field, on the expression a query filters by, beside the collection.
        DeclaredIndex byCustomer = d.find("orders").orElseThrow().indexes().get(0);
        String prefix = DeclaredIndex.statisticsPrefix(byCustomer.fingerprint());
        assertEquals(List.of("CREATE STATISTICS IF NOT EXISTS " + prefix + "1 ON collection, "
                + "(palisade_doc_text(data, '{customerId}')) FROM documents",
                "CREATE STATISTICS IF NOT EXISTS " + prefix
                        + "2 ON collection, (palisade_doc_number_key(data, '{total}')) FROM documents"),
                byCustomer.createStatisticsSql());
        assertTrue(prefix.matches("doc_stats_[0-9a-f]{16}_"), prefix);
        assertEquals(List.of(new Reference("customerId", "customers")), d.find("orders").orElseThrow().references());
        SchemaCheck schema = d.schemas().get("customers");
        ObjectMapper json = new ObjectMapper();
        assertEquals(List.of(), schema.validate(json.readTree("{\"email\":\"a@b.io\"}")));
        List<Violation> found = schema.validate(json.readTree("{\"email\":\"nope\"}"));
        assertEquals("/email", found.get(0).pointer());
        assertEquals("format", found.get(0).rule());
        assertEquals("/email", schema.validate(json.readTree("{}")).get(0).pointer(), "required names the member");
    }

    @Test
    void badNameNamesFileAndLine() {
        String message = errorOf("collections:\n  customers: {}\n  Orders: {}\n");
        assertTrue(message.startsWith("c.yaml:3: collection 'Orders': the name must match"), message);
    }

    @Test
    void invalidSchemaIsRefusedByTheMetaSchema() {
        String message = errorOf("collections:\n  a:\n    schema:\n      type: objekt\n");
        assertTrue(message.startsWith("c.yaml:4: collection 'a': 'schema' is not a valid draft 2020-12"), message);
    }

    @Test
    void unknownKeysTypesAndReferencesAreRefusedWithSuggestions() {
        assertTrue(errorOf("collections:\n  a:\n    indexs: {}\n").contains("did you mean 'indexes'"));
        assertTrue(errorOf("collections:\n  a:\n    indexes:\n      i: {fields: {x: txt}}\n")
                .startsWith("c.yaml:4: index 'i' of collection 'a' field 'x': the type must be"));
        assertTrue(errorOf("collections:\n  a:\n    references: {x: bb}\n  b: {}\n").contains("not declared"));
        assertTrue(errorOf("collections:\n  a: {}\n  a: {}\n").contains("twice"));
        assertTrue(errorOf("collections: [\n").startsWith("c.yaml:"), "YAML syntax errors name the file");
        assertTrue(errorOf("").contains("empty"));
    }
}
