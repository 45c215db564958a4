package dev.palisade.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import org.testcontainers.DockerClientFactory;

import dev.palisade.testing.BackendChoice.Probe;

/**
 * Whether Testcontainers can reach a container engine (Docker, or Podman with its Docker socket), found cheaply and
 * quietly.
 * <p>
 * Testcontainers is asked only when something points at an engine: {@code DOCKER_HOST}, a {@code docker.host} in
 * {@code ~/.testcontainers.properties}, or a socket file where Docker, Docker Desktop, Colima, Rancher Desktop or
 * Podman put theirs. Without any of them the answer is "no" at once, instead of Testcontainers trying each of its
 * strategies and logging an ERROR block (with a PATH dump) for every test JVM.
 */
final class ContainerEngine {

    private ContainerEngine() {
    }

    /** Probes this machine's environment. */
    static Probe probe() {
        Path home = Path.of(System.getProperty("user.home"));
        Optional<String> hint = hint(System.getenv(), home, Files::exists);
        if (hint.isEmpty()) {
            return new Probe(false, "no container engine (no DOCKER_HOST, no docker.host in "
                    + "~/.testcontainers.properties, no Docker or Podman socket)");
        }
        try {
            if (DockerClientFactory.instance().isDockerAvailable()) {
                return new Probe(true, "a container engine answers at " + hint.get());
            }
        } catch (RuntimeException | LinkageError e) {
            // reported below: Testcontainers has logged its own diagnosis
        }
        return new Probe(false, "no container engine answers at " + hint.get());
    }

    /**
     * Where an engine might be: the first of {@code DOCKER_HOST}, {@code ~/.testcontainers.properties} and the known
     * socket files that is present, or empty when none is.
     */
    static Optional<String> hint(Map<String, String> env, Path home, Predicate<Path> exists) {
        String dockerHost = env.get("DOCKER_HOST");
        if (dockerHost != null && !dockerHost.isBlank()) {
            return Optional.of("DOCKER_HOST=" + dockerHost);
        }
        Path properties = home.resolve(".testcontainers.properties");
        if (exists.test(properties) && mentionsDockerHost(properties)) {
            return Optional.of("docker.host in " + properties);
        }
        return sockets(env, home).stream().filter(exists).findFirst().map(Path::toString);
    }

    private static List<Path> sockets(Map<String, String> env, Path home) {
        List<Path> sockets = new ArrayList<>(List.of(Path.of("/var/run/docker.sock"),
                home.resolve(".docker/run/docker.sock"), home.resolve(".docker/desktop/docker.sock"),
                home.resolve(".colima/default/docker.sock"), home.resolve(".rd/docker.sock"),
                Path.of("/run/podman/podman.sock")));
        String runtime = env.get("XDG_RUNTIME_DIR");
        if (runtime != null && !runtime.isBlank()) {
            sockets.add(Path.of(runtime, "docker.sock"));
            sockets.add(Path.of(runtime, "podman", "podman.sock"));
        }
        return sockets;
    }

    private static boolean mentionsDockerHost(Path properties) {
        try {
            return Files.readAllLines(properties).stream().anyMatch(line -> line.strip().startsWith("docker.host"));
        } catch (IOException e) {
            return false;
        }
    }
}
