package dev.palisade.api.documents;

import dev.palisade.api.support.WithoutHibernateFilter;
import dev.palisade.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The document isolation contract with the Hibernate tenant filter off: row-level security alone must hold. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@TestProfile(WithoutHibernateFilter.class)
class DocumentIsolationWithoutHibernateFilterTest extends DocumentIsolationContract {
}
