package dev.palisade.api.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.palisade.testing.TestSql;
import dev.palisade.api.support.TenantFixture;
import dev.palisade.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/**
 * When the database, not the request, is the problem (the pool exhausted, the service's backends terminated), the
 * Hibernate paths answer 503 problem+json with {@code Retry-After}, never a 500; and the service logs what happened
 * in its own words, with no stack trace (a warning with a stack trace fails the test).
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@TestProfile(DatabaseTroubleTest.SmallPool.class)
class DatabaseTroubleTest {

    /** Two connections and a one-second acquisition timeout, so that two blocked requests exhaust the pool. */
    public static class SmallPool implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.datasource.jdbc.max-size", "2", "quarkus.datasource.jdbc.min-size", "0",
                    "quarkus.datasource.jdbc.acquisition-timeout", "1s");
        }
    }

    /** Every record at WARNING or above logged with a throwable (printed as a stack trace) while a test ran. */
    private final List<String> stackTraces = new CopyOnWriteArrayList<>();
    private final Handler recorder = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.WARNING.intValue() && record.getThrown() != null) {
                stackTraces.add(record.getLoggerName() + ": " + record.getMessage() + " <- " + record.getThrown());
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void recordLogs() {
        Logger.getLogger("").addHandler(recorder);
    }

    @AfterEach
    void noStackTraceWasLogged() {
        Logger.getLogger("").removeHandler(recorder);
        assertEquals(List.of(), stackTraces, "database trouble is logged without stack traces");
    }

    @Test
    void exhaustedPoolIsAServiceUnavailableProblem() throws Exception {
        TenantFixture tenant = TenantFixture.create("pool");
        tenant.request().get("/workspaces").then().statusCode(200);
        List<Future<Response>> answers = new ArrayList<>();
        ExecutorService clients = Executors.newFixedThreadPool(6);
        try (Connection locker = TestSql.superuser(); Statement st = locker.createStatement()) {
            locker.setAutoCommit(false);
            st.execute("LOCK TABLE workspaces IN ACCESS EXCLUSIVE MODE");
            for (int i = 0; i < 6; i++) {
                String body = "{\"name\":\"W\",\"slug\":\"w-" + i + "\"}";
                answers.add(clients.submit(() -> tenant.request().contentType("application/json").body(body)
                        .post("/workspaces")));
            }
            // Two requests hold both connections, waiting for the lock; the others cannot get a connection.
            TimeUnit.SECONDS.sleep(4);
            locker.rollback();
        } finally {
            clients.shutdown();
        }
        int unavailable = 0;
        for (Future<Response> answer : answers) {
            Response response = answer.get(30, TimeUnit.SECONDS);
            if (response.statusCode() != 201) {
                assertUnavailable(response);
                unavailable++;
            }
        }
        assertTrue(unavailable > 0, "with two connections held, some of six requests must time out waiting");
    }

    @Test
    void terminatedBackendsAreAServiceUnavailableProblem() throws Exception {
        TenantFixture tenant = TenantFixture.create("killed");
        for (int i = 0; i < 4; i++) {
            tenant.request().get("/workspaces").then().statusCode(200);
        }
        try (Connection c = TestSql.superuser(); Statement st = c.createStatement()) {
            st.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database()"
                    + " AND application_name = 'palisade' AND pid <> pg_backend_pid()");
        }
        int unavailable = 0;
        for (int i = 0; i < 4; i++) {
            Response response = tenant.request().get("/workspaces");
            if (response.statusCode() != 200) {
                assertUnavailable(response);
                unavailable++;
            }
        }
        assertTrue(unavailable > 0, "a pooled connection whose backend was terminated must fail at least once");
        tenant.request().get("/workspaces").then().statusCode(200);
    }

    private static void assertUnavailable(Response response) {
        String body = response.asString();
        assertEquals(503, response.statusCode(), body);
        assertEquals(Problem.MEDIA_TYPE, response.contentType(), body);
        assertEquals(ProblemType.BASE + "service-unavailable", response.path("type"), body);
        assertNotNull(response.header("Retry-After"), "a 503 must say when to retry");
        assertTrue(!body.contains("Exception") && !body.contains("SQL"), body);
    }
}
