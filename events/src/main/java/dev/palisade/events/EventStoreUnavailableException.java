package dev.palisade.events;

import java.sql.SQLException;

/**
 * The database could not serve the store: no connection (the pool exhausted, the server down or restarting), or a
 * statement failed for a reason that is not the input's. Nothing was written by the failed call (see
 * {@link AppendOutcomeUnknownException} for the one case where that cannot be known); trying again later may succeed.
 * <p>
 * The message says what failed, for the client; {@link #sqlState()} says why, for the log. Neither carries the
 * driver's message (it can hold SQL and data).
 */
public class EventStoreUnavailableException extends EventStoreException {

    private final String sqlState;

    public EventStoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
        String state = null;
        for (Throwable c = cause; c != null && state == null; c = c.getCause()) {
            state = c instanceof SQLException sql ? sql.getSQLState() : null;
        }
        this.sqlState = state;
    }

    /** {@code what} ("Reading the feed") failed for the database's reason {@code cause}; nothing was written. */
    public static EventStoreUnavailableException of(String what, SQLException cause) {
        return new EventStoreUnavailableException(message(what), cause);
    }

    /** The message for {@code what} ("Reading the feed") failing for the database's reason. */
    public static String message(String what) {
        return what + " failed: the database is unavailable; nothing was written, and trying again later may succeed.";
    }

    /** The SQL state reported by the database or the driver, or {@code null} (a pool timeout has none). */
    public String sqlState() {
        return sqlState;
    }
}
