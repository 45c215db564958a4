package dev.palisade.api.documents;

import java.sql.SQLException;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;

import dev.palisade.api.support.WithoutRowLevelSecurity;
import dev.palisade.testing.PostgresTestResource;
import dev.palisade.testing.TestSql;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The document isolation contract with row-level security off on documents: the Hibernate filter must hold alone. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@TestProfile(WithoutRowLevelSecurity.class)
class DocumentIsolationWithoutRowLevelSecurityTest extends DocumentIsolationContract {

    /** Its own profile, so this class gets its own service and database while row-level security is off. */
    @BeforeEach
    void switchRowLevelSecurityOff() throws SQLException {
        TestSql.setRowLevelSecurity(false, List.of("documents"));
    }

    @AfterAll
    static void switchRowLevelSecurityOn() throws SQLException {
        TestSql.setRowLevelSecurity(true, List.of("documents"));
    }
}
