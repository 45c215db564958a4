package dev.palisade.tenancy.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import dev.palisade.testing.PostgresTestResource;
import dev.palisade.tenancy.NoTenantException;
import dev.palisade.tenancy.TenantId;
import dev.palisade.tenancy.TenantMismatchException;
import dev.palisade.tenancy.context.TenantScope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Binding a transaction to its tenant for row-level security: for that transaction only, on the connection it uses,
 * never carried to the next user of the pooled connection (the test pool holds one connection, so consecutive
 * transactions share it).
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class TenantSessionTest {

    private static final TenantId ACME = TenantId.of("acme");
    private static final TenantId GLOBEX = TenantId.of("globex");

    @Inject
    TenantSession session;
    @Inject
    TenantScope scope;
    @Inject
    EntityManager entityManager;

    @Test
    void bindingSetsTheTenantForRowLevelSecurityInThisTransaction() {
        String seen = scope.call(ACME, () -> QuarkusTransaction.requiringNew().call(() -> {
            assertEquals(ACME, session.bind());
            return boundTenant();
        }));
        assertEquals("acme", seen);
    }

    @Test
    void theBindingDiesWithItsTransactionCommittedOrRolledBack() {
        long pid = scope.call(ACME, () -> QuarkusTransaction.requiringNew().call(() -> {
            session.bind();
            return backendPid();
        }));
        assertEquals("", QuarkusTransaction.requiringNew().call(this::boundTenant),
                "the next transaction on the pooled connection sees no tenant after a commit");
        assertEquals(pid, (long) QuarkusTransaction.requiringNew().call(this::backendPid),
                "the test only proves something if both transactions used the same connection");

        IllegalStateException abort = new IllegalStateException("abort");
        assertEquals(abort, assertThrows(IllegalStateException.class,
                () -> scope.run(GLOBEX, () -> QuarkusTransaction.requiringNew().run(() -> {
                    session.bind();
                    throw abort;
                }))));
        assertEquals("", QuarkusTransaction.requiringNew().call(this::boundTenant),
                "the next transaction sees no tenant after a rollback");
    }

    @Test
    void oneTransactionServesOneTenant() {
        assertThrows(TenantMismatchException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            scope.run(ACME, session::bind);
            scope.run(ACME, session::bind);
            scope.run(GLOBEX, session::bind);
        }));
        assertEquals("", QuarkusTransaction.requiringNew().call(this::boundTenant));
    }

    /** The query timeout rides on the binding statement: both settings set, for that transaction only. */
    @Test
    void bindingWithAStatementTimeoutSetsBothForThisTransactionOnly() {
        String before = QuarkusTransaction.requiringNew().call(this::statementTimeout);
        String[] seen = scope.call(ACME, () -> QuarkusTransaction.requiringNew().call(() -> {
            assertEquals(ACME, session.bind(Duration.ofMillis(1234)));
            return new String[]{boundTenant(), statementTimeout(), String.valueOf(backendPid())};
        }));
        assertEquals("acme", seen[0]);
        assertEquals("1234ms", seen[1]);
        assertEquals(before, QuarkusTransaction.requiringNew().call(this::statementTimeout),
                "the next transaction on the pooled connection has the server's timeout again");
        assertEquals(seen[2], String.valueOf(QuarkusTransaction.requiringNew().call(this::backendPid)),
                "the test only proves something if both transactions used the same connection");
    }

    /** A timeout bound with the binding needs the binding still to come: afterwards it would be a statement more. */
    @Test
    void aTransactionBoundAlreadyIsNotBoundWithATimeoutAfterwards() {
        IllegalStateException late = assertThrows(IllegalStateException.class,
                () -> scope.run(ACME, () -> QuarkusTransaction.requiringNew().run(() -> {
                    session.bind();
                    session.bind(Duration.ofSeconds(1));
                })));
        assertTrue(late.getMessage().contains("bound already"), late.getMessage());
    }

    @Test
    void bindingNeedsATenantAndATransaction() {
        assertThrows(NoTenantException.class, () -> QuarkusTransaction.requiringNew().run(session::bind));
        RuntimeException outside = assertThrows(RuntimeException.class, () -> scope.run(ACME, session::bind));
        assertNotEquals(TenantMismatchException.class, outside.getClass());
        assertEquals("tenant data is only reachable inside an active transaction", outside.getMessage());
    }

    private String boundTenant() {
        Object value = entityManager.createNativeQuery("SELECT coalesce(current_setting('app.tenant_id', true), '')")
                .getSingleResult();
        return value.toString();
    }

    private String statementTimeout() {
        return entityManager.createNativeQuery("SELECT current_setting('statement_timeout')").getSingleResult()
                .toString();
    }

    private long backendPid() {
        return ((Number) entityManager.createNativeQuery("SELECT pg_backend_pid()").getSingleResult()).longValue();
    }
}
