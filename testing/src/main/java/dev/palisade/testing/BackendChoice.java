package dev.palisade.testing;

import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Decides which {@link PostgresBackend} a test run uses, and says why.
 * <p>
 * {@code PALISADE_TEST_DB=container|local} forces a backend; otherwise ({@code auto}, the default) a container
 * engine wins and the local server is the fallback. With neither available the run fails with a message that says
 * how to get one. The probes are suppliers so that a forced choice never pays for probing the other backend.
 */
public final class BackendChoice {

    /** Environment variable that forces a backend. */
    public static final String ENV = "PALISADE_TEST_DB";

    /** Whether a container engine answers, and why (for the log line). */
    public record Probe(boolean available, String reason) {
    }

    /** The backend chosen, and one line for the log that says which and why. */
    public record Choice(PostgresBackend backend, String reason) {
    }

    private BackendChoice() {
    }

    /**
     * Chooses the backend.
     *
     * @param requested the value of {@link #ENV}, or {@code null}
     * @param containerEngine probes for a container engine
     * @param localServer whether the local PostgreSQL server accepts a superuser connection
     * @return the backend to use, with the reason
     * @throws IllegalStateException when the requested backend, or any backend at all, is unavailable
     */
    public static Choice choose(String requested, Supplier<Probe> containerEngine, BooleanSupplier localServer) {
        String mode = requested == null || requested.isBlank() ? "auto" : requested.trim().toLowerCase(Locale.ROOT);
        String local = LocalServer.fromEnvironment().describe();
        switch (mode) {
            case "container" : {
                Probe engine = containerEngine.get();
                if (!engine.available()) {
                    throw new IllegalStateException(ENV + "=container, but " + engine.reason() + ". "
                            + "Start Docker or Podman, or unset " + ENV + " to use a local PostgreSQL server.");
                }
                return container(ENV + "=container; " + engine.reason());
            }
            case "local" :
                if (!localServer.getAsBoolean()) {
                    throw new IllegalStateException(ENV + "=local, but " + local + " refuses a superuser connection. "
                            + LocalServer.HELP);
                }
                return local(local, ENV + "=local");
            case "auto" : {
                Probe engine = containerEngine.get();
                if (engine.available()) {
                    return container(engine.reason() + "; " + ENV + "=local would use " + local + " instead");
                }
                if (localServer.getAsBoolean()) {
                    return local(local, engine.reason() + "; " + ENV + "=container|local forces a backend");
                }
                throw new IllegalStateException("Tests need a real PostgreSQL, and none is available: "
                        + engine.reason() + ", and " + local + " refuses a superuser connection. Either start Docker "
                        + "or Podman (Testcontainers is used), or " + LocalServer.HELP);
            }
            default :
                throw new IllegalStateException(
                        ENV + " must be one of container, local or auto, but was '" + requested + "'");
        }
    }

    private static Choice container(String why) {
        return new Choice(PostgresBackend.CONTAINER, "Tests use PostgreSQL in a Testcontainers container: " + why);
    }

    private static Choice local(String server, String why) {
        return new Choice(PostgresBackend.LOCAL, "Tests use throwaway databases on " + server + ": " + why);
    }
}
