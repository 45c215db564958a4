package dev.palisade.query;

/**
 * A query ran longer than its statement timeout and was cancelled by PostgreSQL: usually a filter or an ordering
 * that no index serves on a large collection. Nothing was changed; the REST layer answers 503.
 */
public class QueryTimeoutException extends RuntimeException {

    public QueryTimeoutException(String collection, Throwable cause) {
        super("The query of " + collection + " took longer than its statement timeout and was cancelled. Filter or "
                + "order on an indexed field, narrow the filter, or declare an index for the field you filter on.",
                cause);
    }

    /** Whether {@code failure}, or one of its causes, is PostgreSQL cancelling a statement (SQLSTATE 57014). */
    public static boolean isTimeout(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.sql.SQLException sql && "57014".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
