package dev.palisade.api.documents;

import dev.palisade.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The document isolation contract with both walls up. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class DocumentIsolationTest extends DocumentIsolationContract {
}
