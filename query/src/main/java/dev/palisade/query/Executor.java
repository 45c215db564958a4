package dev.palisade.query;

import java.sql.SQLException;
import java.util.List;

/**
 * Runs a compiled statement in the caller's transaction and returns its rows: JDBC ({@link JdbcExecutor}) or a JPA
 * native query (the tenancy module's), so that each caller keeps its own way to the database and its own walls.
 */
@FunctionalInterface
public interface Executor {

    /** The rows of {@code statement}, each column as the driver returned it. */
    List<Object[]> rows(Statement statement) throws SQLException;
}
