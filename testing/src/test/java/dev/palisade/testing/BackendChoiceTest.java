package dev.palisade.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import dev.palisade.testing.BackendChoice.Choice;
import dev.palisade.testing.BackendChoice.Probe;

class BackendChoiceTest {

    private static final Supplier<Probe> ENGINE = () -> new Probe(true, "a container engine answers at /x.sock");
    private static final Supplier<Probe> NO_ENGINE = () -> new Probe(false, "no container engine: nothing found");
    private static final BooleanSupplier YES = () -> true;
    private static final BooleanSupplier NO = () -> false;

    @Test
    void containerEngineWinsWhenBothAreAvailable() {
        assertEquals(PostgresBackend.CONTAINER, BackendChoice.choose(null, ENGINE, YES).backend());
    }

    @Test
    void localServerIsTheFallbackWithoutContainerEngine() {
        assertEquals(PostgresBackend.LOCAL, BackendChoice.choose("", NO_ENGINE, YES).backend());
        assertEquals(PostgresBackend.LOCAL, BackendChoice.choose("auto", NO_ENGINE, YES).backend());
    }

    @Test
    void fallbackToTheLocalServerSaysWhichServerAndWhy() {
        Choice choice = BackendChoice.choose(null, NO_ENGINE, YES);
        String reason = choice.reason();
        assertTrue(reason.contains(LocalServer.fromEnvironment().describe()), "names the server: " + reason);
        assertTrue(reason.contains("no container engine: nothing found"), "says why no container: " + reason);
        assertTrue(reason.contains(BackendChoice.ENV + "=container|local"), "says how to force one: " + reason);
        assertEquals(1, reason.lines().count(), "one line: " + reason);
    }

    @Test
    void containerChoiceSaysWhereTheEngineAnswered() {
        String reason = BackendChoice.choose(null, ENGINE, YES).reason();
        assertTrue(reason.contains("Testcontainers") && reason.contains("/x.sock"), reason);
    }

    @Test
    void forcedChoiceSaysItWasForced() {
        assertTrue(BackendChoice.choose("local", ENGINE, YES).reason().contains(BackendChoice.ENV + "=local"));
        assertTrue(BackendChoice.choose("container", ENGINE, YES).reason().contains(BackendChoice.ENV + "=container"));
    }

    @Test
    void neitherBackendFailsWithInstructions() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> BackendChoice.choose(null, NO_ENGINE, NO));
        assertTrue(e.getMessage().contains("Docker") && e.getMessage().contains("apt-get install postgresql"),
                "the message should say how to get a database: " + e.getMessage());
    }

    @Test
    void forcedLocalDoesNotProbeContainerEngine() {
        AtomicInteger probes = new AtomicInteger();
        Supplier<Probe> counting = () -> new Probe(probes.incrementAndGet() > 0, "counted");
        assertEquals(PostgresBackend.LOCAL, BackendChoice.choose("LOCAL", counting, YES).backend());
        assertEquals(0, probes.get(), "a forced local backend must not wait for a container engine probe");
    }

    @Test
    void forcedContainerWithoutEngineFails() {
        assertThrows(IllegalStateException.class, () -> BackendChoice.choose("container", NO_ENGINE, YES));
    }

    @Test
    void forcedLocalWithoutServerFails() {
        assertThrows(IllegalStateException.class, () -> BackendChoice.choose("local", ENGINE, NO));
    }

    @Test
    void unknownModeIsRejected() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> BackendChoice.choose("h2", ENGINE, YES));
        assertTrue(e.getMessage().contains("'h2'"), e.getMessage());
    }
}
