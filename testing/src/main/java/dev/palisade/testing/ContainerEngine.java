package dev.palisade.testing;

import org.testcontainers.DockerClientFactory;

/** Whether Testcontainers can reach a container engine (Docker, or Podman with its Docker socket). */
final class ContainerEngine {

    private ContainerEngine() {
    }

    static boolean isAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }
}
