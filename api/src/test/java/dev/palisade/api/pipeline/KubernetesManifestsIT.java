package dev.palisade.api.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import dev.palisade.testing.TestDatabase;

/**
 * The Kubernetes manifests in deploy/k8s, run the way Kubernetes would run their containers, minus Kubernetes: the
 * migration Job's and the Deployment's container environment (ConfigMap and Secret references resolved to this
 * test's database) starts the packaged jar. The Job must migrate and exit 0; the Deployment's container must answer
 * its startup, liveness and readiness probes and the Prometheus scrape path. A misspelt variable, a probe on a path
 * that does not exist, a Service or budget selecting no pods, or owner credentials given to the replicas fail here.
 */
class KubernetesManifestsIT {

    private static final Path K8S = Path.of("../deploy/k8s");
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Test
    void kustomizationListsEveryManifestAndTheyFitTogether() throws IOException {
        Map<String, Object> kustomization = load("kustomization.yaml").get(0);
        List<String> resources = strings(kustomization.get("resources"));
        Set<String> onDisk;
        try (Stream<Path> files = Files.list(K8S)) {
            onDisk = files.map(f -> f.getFileName().toString())
                    .filter(f -> f.endsWith(".yaml") && !f.equals("kustomization.yaml")
                            && !f.equals("secret.example.yaml"))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        assertEquals(onDisk, new TreeSet<>(resources), "kustomization.yaml lists every manifest, and only those");

        Map<String, Object> deployment = resource("Deployment");
        Map<String, Object> job = resource("Job");
        String image = (String) map(list(kustomization.get("images")).get(0)).get("name");
        assertEquals(image, container(deployment).get("image"), "the Deployment runs the kustomization's image");
        assertEquals(image, container(job).get("image"), "the Job runs the same image as the Deployment");

        Map<String, Object> podLabels = map(path(deployment, "spec", "template", "metadata", "labels"));
        Map<String, Object> jobLabels = map(path(job, "spec", "template", "metadata", "labels"));
        assertTrue(selects(path(deployment, "spec", "selector", "matchLabels"), podLabels),
                "the Deployment selects its own pods");
        Map<String, Object> service = resource("Service");
        assertTrue(selects(path(service, "spec", "selector"), podLabels), "the Service selects the Deployment's pods");
        assertFalse(selects(path(service, "spec", "selector"), jobLabels),
                "the Service never sends traffic to the migration Job's pod");
        assertTrue(selects(path(resource("PodDisruptionBudget"), "spec", "selector", "matchLabels"), podLabels),
                "the disruption budget covers the Deployment's pods");

        List<Object> ports = list(container(deployment).get("ports"));
        Object targetPort = map(list(path(service, "spec", "ports")).get(0)).get("targetPort");
        assertTrue(ports.stream().map(p -> map(p).get("name")).anyMatch(targetPort::equals),
                "the Service's targetPort names a container port");
        assertEquals(8080, map(ports.get(0)).get("containerPort"), "the service listens on quarkus.http.port=8080");

        Map<String, Map<String, String>> example = exampleSecrets();
        for (Map<String, Object> workload : List.of(deployment, job)) {
            for (Object entry : list(container(workload).get("env"))) {
                Map<String, Object> ref = secretRef(entry);
                if (ref != null) {
                    assertTrue(example.getOrDefault((String) ref.get("name"), Map.of()).containsKey(ref.get("key")),
                            "secret.example.yaml shows operators every secret key the manifests read: " + ref);
                }
            }
        }
        Set<String> configMapKeys = map(resource("ConfigMap").get("data")).keySet();
        assertFalse(Stream.concat(envNames(deployment).stream(), configMapKeys.stream())
                .anyMatch(n -> n.startsWith("QUARKUS_LIQUIBASE")),
                "serving replicas never get the owner role's credentials, neither directly nor from the ConfigMap");
        assertFalse(configMapKeys.stream().anyMatch(n -> n.endsWith("PASSWORD") || n.endsWith("_KEY")),
                "secrets live in Secrets, not in the ConfigMap");
        assertFalse(envNames(deployment).contains("QUARKUS_INIT_AND_EXIT"), "serving replicas never migrate");
        assertTrue(envNames(job).contains("QUARKUS_INIT_AND_EXIT"), "the Job migrates and exits");
    }

    @Test
    void theJobMigratesAndTheDeploymentAnswersItsProbes() throws Exception {
        try (TestDatabase db = TestDatabase.provision()) {
            Map<String, Map<String, String>> secrets = Map.of(
                    "palisade-db", Map.of(
                            "QUARKUS_DATASOURCE_USERNAME", db.app().username(),
                            "QUARKUS_DATASOURCE_PASSWORD", db.app().password(),
                            "QUARKUS_LIQUIBASE_USERNAME", db.owner().username(),
                            "QUARKUS_LIQUIBASE_PASSWORD", db.owner().password()),
                    "palisade-admin", Map.of("PALISADE_ADMIN_KEY", "manifests-it-admin-key-0123456789abcdef"));
            Map<String, String> configMap = new HashMap<>(strings(map(resource("ConfigMap").get("data"))));
            assertTrue(configMap.containsKey("QUARKUS_DATASOURCE_JDBC_URL"), "the ConfigMap names the database");
            configMap.put("QUARKUS_DATASOURCE_JDBC_URL", db.jdbcUrl());

            Map<String, Object> job = resource("Job");
            try (ServiceProcess migration = ServiceProcess.start(environment(job, configMap, secrets))) {
                assertEquals(0, migration.awaitExit(PATIENCE), "the Job's container migrates and exits 0:\n"
                        + migration.output());
            }

            Map<String, Object> deployment = resource("Deployment");
            Map<String, Object> container = container(deployment);
            try (ServiceProcess replica = ServiceProcess.start(environment(deployment, configMap, secrets))) {
                for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                    Map<String, Object> httpGet = map(path(container, probe, "httpGet"));
                    assertNotNull(httpGet, probe + " is an HTTP probe");
                    assertEquals("http", httpGet.get("port"), probe + " uses the named container port");
                    replica.awaitStatus((String) httpGet.get("path"), 200, PATIENCE);
                }
                String scrapePath = (String) map(path(deployment, "spec", "template", "metadata", "annotations"))
                        .get("prometheus.io/path");
                assertEquals(200, replica.get(scrapePath, PATIENCE).statusCode(), "Prometheus scrapes " + scrapePath);
            }
        }
    }

    /** The container's environment as the kubelet would build it: envFrom first, then env entries. */
    private static Map<String, String> environment(Map<String, Object> workload, Map<String, String> configMap,
            Map<String, Map<String, String>> secrets) {
        Map<String, Object> container = container(workload);
        Map<String, String> env = new HashMap<>();
        for (Object source : list(container.getOrDefault("envFrom", List.of()))) {
            Map<String, Object> ref = map(map(source).get("configMapRef"));
            assertEquals(map(resource("ConfigMap").get("metadata")).get("name"), ref.get("name"),
                    "envFrom reads the ConfigMap the manifests define");
            env.putAll(configMap);
        }
        for (Object entry : list(container.get("env"))) {
            Map<String, Object> variable = map(entry);
            String name = (String) variable.get("name");
            Map<String, Object> ref = secretRef(entry);
            String value = ref == null
                    ? (String) variable.get("value")
                    : secrets.getOrDefault((String) ref.get("name"), Map.of()).get((String) ref.get("key"));
            assertNotNull(value, "a value for " + name);
            env.put(name, value);
        }
        mountCollections(workload, env);
        return env;
    }

    /** The collections ConfigMap mounted as the kubelet would: its file written where PALISADE_COLLECTIONS points. */
    private static void mountCollections(Map<String, Object> workload, Map<String, String> env) {
        String path = env.get("PALISADE_COLLECTIONS");
        if (path == null) {
            return;
        }
        Map<String, Object> mount = list(container(workload).get("volumeMounts")).stream().map(m -> map(m))
                .filter(m -> path.startsWith(m.get("mountPath") + "/")).findFirst()
                .orElseThrow(() -> new AssertionError("PALISADE_COLLECTIONS names a file in a mounted volume"));
        String file = path.substring(((String) mount.get("mountPath")).length() + 1);
        try {
            for (String resource : strings(load("kustomization.yaml").get(0).get("resources"))) {
                for (Map<String, Object> doc : load(resource)) {
                    Object data = doc.get("data");
                    if ("ConfigMap".equals(doc.get("kind")) && data != null && map(data).containsKey(file)) {
                        java.nio.file.Path dir = Files.createTempDirectory("k8s-collections");
                        Files.writeString(dir.resolve(file), (String) map(data).get(file));
                        env.put("PALISADE_COLLECTIONS", dir.resolve(file).toString());
                        return;
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        throw new AssertionError("no ConfigMap holds " + file);
    }

    private static Map<String, Object> secretRef(Object envEntry) {
        Object from = map(envEntry).get("valueFrom");
        return from == null ? null : map(map(from).get("secretKeyRef"));
    }

    private static Set<String> envNames(Map<String, Object> workload) {
        return list(container(workload).get("env")).stream().map(e -> (String) map(e).get("name"))
                .collect(Collectors.toSet());
    }

    private static Map<String, Map<String, String>> exampleSecrets() throws IOException {
        Map<String, Map<String, String>> secrets = new HashMap<>();
        for (Map<String, Object> doc : load("secret.example.yaml")) {
            secrets.put((String) map(doc.get("metadata")).get("name"), strings(map(doc.get("stringData"))));
        }
        return secrets;
    }

    private static Map<String, Object> resource(String kind) {
        try {
            for (String file : strings(load("kustomization.yaml").get(0).get("resources"))) {
                for (Map<String, Object> doc : load(file)) {
                    if (kind.equals(doc.get("kind"))) {
                        return doc;
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        throw new AssertionError("no " + kind + " among the kustomization's resources");
    }

    private static Map<String, Object> container(Map<String, Object> workload) {
        List<Object> containers = list(path(workload, "spec", "template", "spec", "containers"));
        assertEquals(1, containers.size(), "one container per pod");
        return map(containers.get(0));
    }

    private static List<Map<String, Object>> load(String file) throws IOException {
        List<Map<String, Object>> docs = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(K8S.resolve(file))) {
            for (Object doc : new Yaml().loadAll(reader)) {
                if (doc != null) {
                    docs.add(map(doc));
                }
            }
        }
        return docs;
    }

    private static Object path(Map<String, Object> root, String... keys) {
        Object node = root;
        for (String key : keys) {
            node = node == null ? null : map(node).get(key);
        }
        return node;
    }

    /** Whether a label selector (every key with its value) matches these labels; an empty selector matches none. */
    private static boolean selects(Object selector, Map<String, Object> labels) {
        Map<String, Object> wanted = map(selector);
        return wanted != null && !wanted.isEmpty()
                && wanted.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node) {
        return (Map<String, Object>) node;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object node) {
        return node == null ? List.of() : (List<Object>) node;
    }

    private static List<String> strings(Object node) {
        return list(node).stream().map(String.class::cast).toList();
    }

    private static Map<String, String> strings(Map<String, Object> node) {
        Map<String, String> out = new HashMap<>();
        node.forEach((k, v) -> out.put(k, String.valueOf(v)));
        return out;
    }
}
