package dev.palisade.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ContainerEngineTest {

    private static final Path HOME = Path.of("/home/dev");

    @Test
    void nothingPointingAtAnEngineMeansNoEngineWithoutAskingTestcontainers() {
        assertEquals(Optional.empty(), ContainerEngine.hint(Map.of(), HOME, path -> false));
    }

    @Test
    void dockerHostPointsAtAnEngine() {
        assertEquals(Optional.of("DOCKER_HOST=tcp://build:2375"),
                ContainerEngine.hint(Map.of("DOCKER_HOST", "tcp://build:2375"), HOME, path -> false));
    }

    @Test
    void aKnownSocketPointsAtAnEngine() {
        Set<Path> present = Set.of(Path.of("/run/user/1000/podman/podman.sock"));
        assertEquals(Optional.of("/run/user/1000/podman/podman.sock"),
                ContainerEngine.hint(Map.of("XDG_RUNTIME_DIR", "/run/user/1000"), HOME, present::contains));
        assertEquals(Optional.of("/var/run/docker.sock"),
                ContainerEngine.hint(Map.of(), HOME, Path.of("/var/run/docker.sock")::equals));
    }
}
