package dev.palisade.api.problem;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Recognises, anywhere in a failure's causes, the database being unavailable rather than the request being wrong:
 * the pool's acquisition timeout, a connection that broke or was terminated, a server shutting down or out of
 * connections, a deadlock, serialization failure or lock or statement timeout. Those are answered 503 with
 * {@code Retry-After}; what is not recognised stays an internal error.
 */
final class DatabaseTrouble {

    // Agroal signals an exhausted pool with a plain SQLException carrying only this message (agroal-pool 3.0).
    private static final String ACQUISITION_TIMEOUT = "acquisition timeout";

    private DatabaseTrouble() {
    }

    /** What to tell the client, when {@code failure} was caused by the database being unavailable. */
    static Optional<String> of(Throwable failure) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = failure; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                Optional<String> found = classify(sql);
                if (found.isPresent()) {
                    return found;
                }
                if (sql.getNextException() != null && seen.put(sql.getNextException(), Boolean.TRUE) == null) {
                    found = classify(sql.getNextException());
                    if (found.isPresent()) {
                        return found;
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> classify(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (state.isEmpty() && e.getMessage() != null && e.getMessage().toLowerCase().contains(ACQUISITION_TIMEOUT)) {
            return Optional.of("All database connections are busy; retry shortly.");
        }
        if (state.startsWith("08") || state.startsWith("57P") || e instanceof SQLRecoverableException) {
            return Optional.of("The database connection was lost; retry shortly.");
        }
        if (state.startsWith("53")) {
            return Optional.of("The database is out of resources (connections, memory or disk); retry shortly.");
        }
        if (state.equals("40001") || state.equals("40P01") || state.equals("55P03") || state.equals("57014")
                || e instanceof SQLTransientException) {
            return Optional.of("The database could not complete the request in time (a lock, a timeout or a "
                    + "concurrent change); retry shortly.");
        }
        return Optional.empty();
    }
}
