package dev.palisade.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;

class BackendChoiceTest {

    private static final BooleanSupplier YES = () -> true;
    private static final BooleanSupplier NO = () -> false;

    @Test
    void containerEngineWinsWhenBothAreAvailable() {
        assertEquals(PostgresBackend.CONTAINER, BackendChoice.choose(null, YES, YES));
    }

    @Test
    void localServerIsTheFallbackWithoutContainerEngine() {
        assertEquals(PostgresBackend.LOCAL, BackendChoice.choose("", NO, YES));
        assertEquals(PostgresBackend.LOCAL, BackendChoice.choose("auto", NO, YES));
    }

    @Test
    void neitherBackendFailsWithInstructions() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> BackendChoice.choose(null, NO, NO));
        assertTrue(e.getMessage().contains("Docker") && e.getMessage().contains("apt-get install postgresql"),
                "the message should say how to get a database: " + e.getMessage());
    }

    @Test
    void forcedLocalDoesNotProbeContainerEngine() {
        AtomicInteger probes = new AtomicInteger();
        assertEquals(PostgresBackend.LOCAL, BackendChoice.choose("LOCAL", () -> probes.incrementAndGet() > 0, YES));
        assertEquals(0, probes.get(), "a forced local backend must not wait for a container engine probe");
    }

    @Test
    void forcedContainerWithoutEngineFails() {
        assertThrows(IllegalStateException.class, () -> BackendChoice.choose("container", NO, YES));
    }

    @Test
    void forcedLocalWithoutServerFails() {
        assertThrows(IllegalStateException.class, () -> BackendChoice.choose("local", YES, NO));
    }

    @Test
    void unknownModeIsRejected() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> BackendChoice.choose("h2", YES, YES));
        assertTrue(e.getMessage().contains("'h2'"), e.getMessage());
    }
}
