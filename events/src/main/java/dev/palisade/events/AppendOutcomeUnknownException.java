package dev.palisade.events;

import java.sql.SQLException;
import java.util.Set;

/**
 * An append was sent to the database, and then the connection broke (or the answer was not understood) before its
 * outcome came back: it may have been written or not. Sending the same append again, with the same event ids, is safe
 * and tells which: a retry of a recorded append answers its original result.
 */
public class AppendOutcomeUnknownException extends EventStoreUnavailableException {

    // Connection exceptions, and the server ending the session (terminated, crash, shutdown): the statement may have
    // committed before the session ended.
    private static final Set<String> SESSION_ENDED = Set.of("57P01", "57P02", "57P03");

    public AppendOutcomeUnknownException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The connection broke while an append was in flight. */
    public static AppendOutcomeUnknownException connectionLost(SQLException cause) {
        return new AppendOutcomeUnknownException("The connection to the database broke after the append was sent, "
                + "so whether it was written is unknown; send it again with the same eventIds, which is safe.", cause);
    }

    /** Whether {@code e} means the session ended, so that a statement already sent may or may not have committed. */
    public static boolean isConnectionLoss(SQLException e) {
        String sqlState = e.getSQLState();
        return sqlState != null && (sqlState.startsWith("08") || SESSION_ENDED.contains(sqlState));
    }
}
