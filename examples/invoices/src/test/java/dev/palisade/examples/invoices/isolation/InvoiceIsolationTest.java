package dev.palisade.examples.invoices.isolation;

import dev.palisade.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The isolation contract with every wall up. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class InvoiceIsolationTest extends InvoiceIsolationContract {
}
