package dev.palisade.tenancy.query;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.palisade.query.Statement;
import dev.palisade.tenancy.TenantId;
import dev.palisade.tenancy.context.TenantScope;
import dev.palisade.tenancy.panache.Parcel;
import dev.palisade.tenancy.session.TenantSession;
import dev.palisade.testing.PostgresTestResource;
import dev.palisade.testing.TestSql;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Compiled queries run as plain JDBC on the transaction's connection, yet see what the transaction's own session has
 * not flushed yet, as a JPA native query would.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class NativeExecutorTest {

    private static final TenantId ACME = TenantId.of("acme");

    @Inject
    TenantScope scope;
    @Inject
    TenantSession session;
    @Inject
    EntityManager entityManager;

    @BeforeEach
    void aTenantWithNoWorkspaces() throws SQLException {
        try (Connection su = TestSql.superuser()) {
            su.createStatement()
                    .execute("INSERT INTO tenants (id, name) VALUES ('acme', 'Acme') ON CONFLICT DO NOTHING");
            su.createStatement().execute("DELETE FROM workspaces");
        }
    }

    @Test
    void aQuerySeesTheTransactionsUnflushedWrites() {
        List<Object[]> rows = scope.call(ACME, () -> QuarkusTransaction.requiringNew().call(() -> {
            session.bind();
            Parcel.named("unflushed").persist();
            return new NativeExecutor(entityManager)
                    .rows(new Statement("SELECT slug FROM workspaces WHERE tenant_id = ?", List.of(ACME.value())));
        }));
        assertEquals(1, rows.size(), "the persisted workspace, flushed before the query");
        assertEquals("unflushed", rows.get(0)[0]);
    }
}
