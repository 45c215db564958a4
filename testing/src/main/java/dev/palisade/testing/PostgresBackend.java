package dev.palisade.testing;

/**
 * Where a test run gets its PostgreSQL from.
 */
public enum PostgresBackend {
    /** A throwaway PostgreSQL container started by Testcontainers. */
    CONTAINER,
    /** A throwaway database and roles on an already running server (by default {@code localhost:5432}). */
    LOCAL
}
