package dev.palisade.api.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.palisade.testing.TestDatabase;

/**
 * Two replicas of the packaged service on one database: a suspension or a key revocation made through one replica
 * stops the tenant on the other, although the other had the key cached as valid.
 */
class ReplicasIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String ADMIN = "replicas-it-admin-key-0123456789abcdef";

    @Test
    void suspensionAndRevocationReachEveryReplica() throws Exception {
        try (TestDatabase db = TestDatabase.provision()) {
            try (ServiceProcess job = ServiceProcess.start(env(db, true))) {
                assertEquals(0, job.awaitExit(PATIENCE), job.output());
            }
            try (ServiceProcess one = ServiceProcess.start(env(db, false));
                    ServiceProcess two = ServiceProcess.start(env(db, false))) {
                one.awaitStatus("/q/health/ready", 200, PATIENCE);
                two.awaitStatus("/q/health/ready", 200, PATIENCE);
                HttpResponse<String> created = one.send("POST", "/admin/tenants",
                        "{\"id\":\"replicated\",\"name\":\"Replicated\"}", "Authorization", "Bearer " + ADMIN);
                assertEquals(201, created.statusCode(), created.body());
                String key = field(created.body(), "secret");
                String keyId = field(created.body().substring(created.body().indexOf("apiKey")), "id");
                String[] tenant = {"X-Tenant-ID", "replicated", "Authorization", "Bearer " + key};

                assertEquals(200, two.send("GET", "/workspaces", null, tenant).statusCode(), "key now cached on two");

                one.send("POST", "/admin/tenants/replicated/suspend", null, "Authorization", "Bearer " + ADMIN);
                assertEquals(403, eventually(two, 403, tenant), "the suspension reaches the other replica");
                one.send("POST", "/admin/tenants/replicated/reactivate", null, "Authorization", "Bearer " + ADMIN);
                assertEquals(200, eventually(two, 200, tenant), "so does the reactivation");

                HttpResponse<String> revoked = one.send("DELETE", "/admin/tenants/replicated/api-keys/" + keyId, null,
                        "Authorization", "Bearer " + ADMIN);
                assertEquals(204, revoked.statusCode(), revoked.body());
                assertEquals(401, eventually(two, 401, tenant), "the revocation reaches the other replica");
            }
        }
    }

    @Test
    void productionRefusesToStartWithoutAnAdminKey() throws Exception {
        try (TestDatabase db = TestDatabase.provision()) {
            Map<String, String> env = env(db, false);
            env.remove("PALISADE_ADMIN_KEY");
            try (ServiceProcess replica = ServiceProcess.start(env)) {
                int exit = replica.awaitExit(PATIENCE);
                assertNotEquals(0, exit, "a replica without an admin key must not start");
                assertTrue(replica.output().contains("PALISADE_ADMIN_KEY must be set"), replica.output());
            }
        }
    }

    /** Polls the replica (notifications are asynchronous) and returns the first status equal to the wanted one. */
    private static int eventually(ServiceProcess replica, int wanted, String... headers) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        int status;
        do {
            status = replica.send("GET", "/workspaces", null, headers).statusCode();
            if (status == wanted) {
                return status;
            }
            Thread.sleep(50);
        } while (System.nanoTime() < deadline);
        return status;
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        assertTrue(m.find(), name + " in " + json);
        return m.group(1);
    }

    private static Map<String, String> env(TestDatabase db, boolean migrate) {
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_DATASOURCE_JDBC_URL", db.jdbcUrl());
        env.put("QUARKUS_DATASOURCE_USERNAME", db.app().username());
        env.put("QUARKUS_DATASOURCE_PASSWORD", db.app().password());
        env.put("PALISADE_ADMIN_KEY", ADMIN);
        if (migrate) {
            env.put("QUARKUS_INIT_AND_EXIT", "true");
            env.put("QUARKUS_LIQUIBASE_USERNAME", db.owner().username());
            env.put("QUARKUS_LIQUIBASE_PASSWORD", db.owner().password());
        }
        return env;
    }
}
