package dev.palisade.api.documents;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.palisade.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** {@code /q/openapi} carries each declared collection's schema as named components, for typed clients. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class CollectionSchemasTest {

    @Test
    void eachDeclaredCollectionHasItsDataAndDocumentComponents() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("components.schemas.CustomersData.type", equalTo("object"))
                .body("components.schemas.CustomersData.required", hasItems("email", "name"))
                .body("components.schemas.CustomersData.properties.email.format", equalTo("email"))
                .body("components.schemas.CustomersData.properties.tier.enum", hasItems("free", "pro"))
                .body("components.schemas.OrdersData.properties.lines.items.properties.quantity.minimum",
                        equalTo(1))
                .body("components.schemas.NotesData.type", equalTo("object"))
                .body("components.schemas.CustomersDocument.properties.data.$ref",
                        equalTo("#/components/schemas/CustomersData"));
    }

    @Test
    void everyDocumentsOperationDocumentsTheUnknownCollectionAnswer() {
        String item = "paths.'/collections/{collection}/documents/{id}'";
        String collection = "paths.'/collections/{collection}/documents'";
        var openapi = given().accept("application/json").get("/q/openapi").then().statusCode(200);
        for (String operation : List.of(collection + ".post", collection + ".get", item + ".get", item + ".put",
                item + ".patch", item + ".delete", "paths.'/collections/{collection}/{action}'.post")) {
            openapi.body(operation + ".responses.'400'.description", containsString("unknown-collection"));
        }
    }
}
