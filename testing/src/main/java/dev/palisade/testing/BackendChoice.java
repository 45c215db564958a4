package dev.palisade.testing;

import java.util.Locale;
import java.util.function.BooleanSupplier;

/**
 * Decides which {@link PostgresBackend} a test run uses.
 * <p>
 * {@code PALISADE_TEST_DB=container|local} forces a backend; otherwise ({@code auto}, the default) a container
 * engine wins and the local server is the fallback. With neither available the run fails with a message that says
 * how to get one. The probes are suppliers so that a forced choice never pays for probing the other backend.
 */
public final class BackendChoice {

    /** Environment variable that forces a backend. */
    public static final String ENV = "PALISADE_TEST_DB";

    private BackendChoice() {
    }

    /**
     * @param requested the value of {@link #ENV}, or {@code null}
     * @param containerEngine whether a container engine answers
     * @param localServer whether the local PostgreSQL server accepts a superuser connection
     * @return the backend to use
     * @throws IllegalStateException when the requested backend, or any backend at all, is unavailable
     */
    public static PostgresBackend choose(String requested, BooleanSupplier containerEngine,
            BooleanSupplier localServer) {
        String mode = requested == null || requested.isBlank() ? "auto" : requested.trim().toLowerCase(Locale.ROOT);
        switch (mode) {
            case "container" :
                if (!containerEngine.getAsBoolean()) {
                    throw new IllegalStateException(ENV + "=container, but no container engine answers. "
                            + "Start Docker or Podman, or unset " + ENV + " to use a local PostgreSQL server.");
                }
                return PostgresBackend.CONTAINER;
            case "local" :
                if (!localServer.getAsBoolean()) {
                    throw new IllegalStateException(ENV + "=local, but " + LocalServer.fromEnvironment().describe()
                            + " refuses a superuser connection. " + LocalServer.HELP);
                }
                return PostgresBackend.LOCAL;
            case "auto" :
                if (containerEngine.getAsBoolean()) {
                    return PostgresBackend.CONTAINER;
                }
                if (localServer.getAsBoolean()) {
                    return PostgresBackend.LOCAL;
                }
                throw new IllegalStateException("Tests need a real PostgreSQL, and none is available: no container "
                        + "engine answers and " + LocalServer.fromEnvironment().describe()
                        + " refuses a superuser connection. Either start Docker or Podman (Testcontainers is used), or "
                        + LocalServer.HELP);
            default :
                throw new IllegalStateException(
                        ENV + " must be one of container, local or auto, but was '" + requested + "'");
        }
    }
}
