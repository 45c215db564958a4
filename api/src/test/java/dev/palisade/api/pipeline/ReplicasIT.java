package dev.palisade.api.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.palisade.api.support.SseStream;
import dev.palisade.testing.TestDatabase;

/**
 * Two replicas of the packaged service on one database: a suspension or a key revocation made through one replica
 * stops the tenant on the other, although the other had the key cached as valid; events appended through both reach
 * the feed and the live subscribers of both, in one gap-free order; the expected version holds across replicas.
 */
class ReplicasIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String ADMIN = "replicas-it-admin-key-0123456789abcdef";
    private static final ObjectMapper JSON = new ObjectMapper();

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
    void eventsAppendedThroughBothReplicasFormOneFeedThatSubscribersOfBothSee() throws Exception {
        try (TestDatabase db = TestDatabase.provision()) {
            try (ServiceProcess job = ServiceProcess.start(env(db, true))) {
                assertEquals(0, job.awaitExit(PATIENCE), job.output());
            }
            // The fallback poll is pushed out of the test's reach: only the notification one replica's append sends
            // through PostgreSQL can wake the other replica's subscriber in time.
            Map<String, String> env = env(db, false);
            env.put("PALISADE_EVENTS_SUBSCRIPTIONS_POLL_INTERVAL", "5m");
            try (ServiceProcess one = ServiceProcess.start(env);
                    ServiceProcess two = ServiceProcess.start(env)) {
                one.awaitStatus("/q/health/ready", 200, PATIENCE);
                two.awaitStatus("/q/health/ready", 200, PATIENCE);
                String[] tenant = register(one, "streams");
                int writers = 4;
                int appendsPerWriter = 20;
                int total = writers * appendsPerWriter * 2;

                try (SseStream onOne = SseStream.open(one.uri("/events/subscribe?after=0"), tenant);
                        SseStream onTwo = SseStream.open(two.uri("/events/subscribe?after=0"), tenant)) {
                    assertEquals(200, onOne.status());
                    assertEquals(200, onTwo.status());
                    ExecutorService pool = Executors.newFixedThreadPool(writers);
                    try {
                        List<Future<?>> done = new ArrayList<>();
                        for (int w = 0; w < writers; w++) {
                            ServiceProcess via = w % 2 == 0 ? one : two;
                            String own = "/streams/writer-" + w + "/events";
                            done.add(pool.submit(() -> {
                                for (int i = 0; i < appendsPerWriter; i++) {
                                    assertAppended(via.send("POST", own, append("\"any\""), tenant));
                                    assertAppended(via.send("POST", "/streams/shared/events", append("\"any\""),
                                            tenant));
                                }
                                return null;
                            }));
                        }
                        for (Future<?> writer : done) {
                            writer.get(2, TimeUnit.MINUTES);
                        }
                    } finally {
                        pool.shutdownNow();
                    }

                    List<Long> seenOnOne = positions(onOne, total);
                    List<Long> seenOnTwo = positions(onTwo, total);
                    assertStrictlyIncreasing(seenOnOne);
                    assertEquals(seenOnOne, seenOnTwo, "both replicas' subscribers see the same events in one order");
                    JsonNode feed = JSON.readTree(two.send("GET", "/events?after=0&limit=1000", null, tenant).body());
                    List<Long> fed = new ArrayList<>();
                    feed.get("events").forEach(e -> fed.add(e.get("position").asLong()));
                    assertEquals(seenOnOne, fed, "the feed read from either replica holds exactly what was pushed");
                }
                JsonNode shared = JSON.readTree(
                        one.send("GET", "/streams/shared/events?limit=1000", null, tenant).body());
                List<Long> versions = new ArrayList<>();
                shared.get("events").forEach(e -> versions.add(e.get("version").asLong()));
                assertEquals(LongStream.rangeClosed(1, writers * appendsPerWriter).boxed().toList(), versions,
                        "a stream written through both replicas has versions 1..n, no gap, no duplicate");

                for (int round = 0; round < 10; round++) {
                    String path = "/streams/race-" + round + "/events";
                    CompletableFuture<HttpResponse<String>> viaOne = CompletableFuture
                            .supplyAsync(() -> post(one, path, append("\"no_stream\""), tenant));
                    CompletableFuture<HttpResponse<String>> viaTwo = CompletableFuture
                            .supplyAsync(() -> post(two, path, append("\"no_stream\""), tenant));
                    List<Integer> statuses = new ArrayList<>(List.of(viaOne.get().statusCode(),
                            viaTwo.get().statusCode()));
                    statuses.sort(null);
                    assertEquals(List.of(201, 409), statuses, "exactly one of two racing creates wins: " + path);
                    HttpResponse<String> loser = viaOne.get().statusCode() == 409 ? viaOne.get() : viaTwo.get();
                    assertEquals(1, JSON.readTree(loser.body()).get("currentVersion").asLong(), loser.body());
                }
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

    /** Registers a tenant through the replica and returns its request headers (tenant id and API key). */
    private static String[] register(ServiceProcess replica, String id) throws Exception {
        HttpResponse<String> created = replica.send("POST", "/admin/tenants",
                "{\"id\":\"" + id + "\",\"name\":\"" + id + "\"}", "Authorization", "Bearer " + ADMIN);
        assertEquals(201, created.statusCode(), created.body());
        return new String[]{"X-Tenant-ID", id, "Authorization", "Bearer " + field(created.body(), "secret")};
    }

    private static String append(String expectedVersion) {
        return "{\"expectedVersion\":" + expectedVersion + ",\"events\":[{\"type\":\"Noted\",\"data\":{\"n\":1}}]}";
    }

    private static HttpResponse<String> post(ServiceProcess replica, String path, String body, String... headers) {
        try {
            return replica.send("POST", path, body, headers);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assertAppended(HttpResponse<String> response) {
        assertEquals(201, response.statusCode(), response.body());
    }

    /** The positions of the first {@code count} events pushed to the subscriber. */
    private static List<Long> positions(SseStream stream, int count) throws InterruptedException {
        List<Long> positions = new ArrayList<>();
        while (positions.size() < count) {
            positions.add(Long.parseLong(stream.nextEvent(Duration.ofSeconds(10)).id()));
        }
        return positions;
    }

    private static void assertStrictlyIncreasing(List<Long> positions) {
        for (int i = 1; i < positions.size(); i++) {
            assertTrue(positions.get(i) > positions.get(i - 1), "positions increase: " + positions);
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
