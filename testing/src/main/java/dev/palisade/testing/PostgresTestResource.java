package dev.palisade.testing;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The one test resource every {@code @QuarkusTest} uses: a fresh {@link TestDatabase} for the run, dropped after it.
 * <p>
 * {@code @QuarkusTestResource(PostgresTestResource.class)} on any test class of a module applies it to the module's
 * whole run.
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    private TestDatabase database;

    @Override
    public Map<String, String> start() {
        database = TestDatabase.provision();
        return database.quarkusConfig();
    }

    @Override
    public void stop() {
        if (database != null) {
            database.close();
            database = null;
        }
    }
}
