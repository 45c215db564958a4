package dev.palisade.api.events;

import dev.palisade.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The event isolation contract with every wall up. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class EventIsolationTest extends EventIsolationContract {
}
