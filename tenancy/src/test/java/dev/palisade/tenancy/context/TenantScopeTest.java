package dev.palisade.tenancy.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.palisade.testing.PostgresTestResource;
import dev.palisade.tenancy.NoTenantException;
import dev.palisade.tenancy.TenantId;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The tenant context outside HTTP: set for exactly the scope's work, restored after it, never inherited. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class TenantScopeTest {

    private static final TenantId ACME = TenantId.of("acme");
    private static final TenantId GLOBEX = TenantId.of("globex");

    @Inject
    TenantScope scope;

    @Test
    void noScopeMeansNoTenant() {
        assertEquals(Optional.empty(), CurrentTenant.get());
        assertThrows(NoTenantException.class, CurrentTenant::require);
    }

    @Test
    void theScopesTenantIsCurrentForItsWorkOnly() {
        assertEquals(ACME, scope.call(ACME, CurrentTenant::require));
        assertEquals(Optional.empty(), CurrentTenant.get(), "the tenant must not outlive its scope");
    }

    @Test
    void aNestedScopeRestoresTheOuterTenant() {
        scope.run(ACME, () -> {
            assertEquals(GLOBEX, scope.call(GLOBEX, CurrentTenant::require));
            assertEquals(ACME, CurrentTenant.require(), "the outer tenant is back after the inner scope");
        });
    }

    @Test
    void theTenantIsClearedWhenTheWorkFails() {
        IllegalStateException failure = new IllegalStateException("boom");
        assertSame(failure, assertThrows(IllegalStateException.class, () -> scope.run(ACME, () -> {
            throw failure;
        })), "an unchecked failure passes through unchanged");
        assertEquals(Optional.empty(), CurrentTenant.get());
        scope.run(GLOBEX, () -> assertThrows(IllegalStateException.class, () -> scope.call(ACME, () -> {
            throw new IOException("checked");
        })));
        assertEquals(Optional.empty(), CurrentTenant.get());
    }

    @Test
    void anotherThreadDoesNotInheritTheTenant() {
        Optional<TenantId> seenElsewhere = scope.call(ACME,
                () -> CompletableFuture.supplyAsync(CurrentTenant::get).join());
        assertTrue(seenElsewhere.isEmpty(), "a thread started inside a scope has no tenant: " + seenElsewhere);
    }
}
