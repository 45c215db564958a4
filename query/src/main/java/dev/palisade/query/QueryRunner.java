package dev.palisade.query;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Asks a {@link Query} of a collection: compiles it against the collection's {@link Catalog} inside the caller's
 * {@link Scope} and runs it through an {@link Executor}, under a statement timeout.
 *
 * <pre>{@code
 * Page page = QueryRunner.page(WORKSPACES, query, Scope.of("w.tenant_id = ?", tenant), executor, timeout);
 * }</pre>
 */
public final class QueryRunner {

    private static final String SET_TIMEOUT = """
            SELECT current_setting('statement_timeout'), set_config('statement_timeout', ?, true)
            """;
    private static final String RESET_TIMEOUT = "SELECT set_config('statement_timeout', ?, true)";

    private QueryRunner() {
    }

    /** Validates {@code query} against {@code catalog} without running it. */
    public static void validate(Catalog catalog, Query query) {
        if (query.grouped()) {
            Compiler.groups(catalog, query, Scope.unscoped());
        } else {
            Compiler.page(catalog, query, Scope.unscoped());
        }
    }

    /** The statement of one page of {@code query}, for EXPLAIN in tests and for logs of slow queries. */
    public static Statement pageStatement(Catalog catalog, Query query, Scope scope) {
        return Compiler.page(catalog, query, scope).statement();
    }

    /**
     * One page of rows; with {@code query.count()}, also their total.
     *
     * @param timeout the statement timeout for this query's statements, or {@code null} for the transaction's
     * @throws QueryException the query does not fit the catalog
     * @throws QueryTimeoutException the query ran longer than {@code timeout}
     */
    public static Page page(Catalog catalog, Query query, Scope scope, Executor executor, Duration timeout)
            throws SQLException {
        Compiler.PageSql compiled = Compiler.page(catalog, query, scope);
        Statement count = query.count() ? Compiler.count(catalog, query, scope) : null;
        return timed(catalog, executor, timeout, () -> {
            List<Object[]> rows = executor.rows(compiled.statement());
            List<Map<String, Object>> items = new ArrayList<>();
            int columns = compiled.columns().size();
            for (int r = 0; r < Math.min(rows.size(), compiled.limit()); r++) {
                items.add(row(compiled.columns(), rows.get(r)));
            }
            String next = null;
            if (rows.size() > compiled.limit()) {
                Object[] last = rows.get(compiled.limit() - 1);
                List<Object> values = new ArrayList<>();
                for (int k = 0; k < compiled.keys().size(); k++) {
                    values.add(compiled.keys().get(k).read(last[columns + k]));
                }
                next = Cursor.encode(compiled.order(), values);
            }
            Long total = count == null ? null : ((Number) executor.rows(count).get(0)[0]).longValue();
            return new Page(items, next, total);
        });
    }

    /**
     * The groups of a group query, at most {@code query.limit()} of them.
     *
     * @throws QueryException the query does not fit the catalog
     * @throws QueryTimeoutException the query ran longer than {@code timeout}
     */
    public static Groups groups(Catalog catalog, Query query, Scope scope, Executor executor, Duration timeout)
            throws SQLException {
        Compiler.GroupSql compiled = Compiler.groups(catalog, query, scope);
        return timed(catalog, executor, timeout, () -> {
            List<Object[]> rows = executor.rows(compiled.statement());
            List<Map<String, Object>> groups = new ArrayList<>();
            for (int r = 0; r < Math.min(rows.size(), compiled.limit()); r++) {
                groups.add(row(compiled.columns(), rows.get(r)));
            }
            return new Groups(groups, rows.size() > compiled.limit());
        });
    }

    /** Statements run under one statement timeout ({@link #timed}). */
    @FunctionalInterface
    public interface Work<T> {
        T run() throws SQLException;
    }

    /**
     * Runs {@code work} with the transaction's statement timeout set to {@code timeout} and reset after it, so that
     * the transaction's later statements keep theirs; with {@code null}, as it is (a transaction that was bound with
     * its timeout, and ends with the query, needs neither round trip). A cancelled statement is a
     * {@link QueryTimeoutException} either way.
     */
    public static <T> T timed(Catalog catalog, Executor executor, Duration timeout, Work<T> work)
            throws SQLException {
        try {
            String previous = null;
            if (timeout != null) {
                previous = String.valueOf(
                        executor.rows(new Statement(SET_TIMEOUT, List.of(timeout.toMillis() + "ms"))).get(0)[0]);
            }
            T result = work.run();
            if (previous != null) {
                executor.rows(new Statement(RESET_TIMEOUT, List.of(previous)));
            }
            return result;
        } catch (SQLException | RuntimeException e) {
            if (QueryTimeoutException.isTimeout(e) && !(e instanceof QueryTimeoutException)) {
                throw new QueryTimeoutException(catalog.collection(), e);
            }
            throw e;
        }
    }

    /** A row as a map; a JSON path's label nests ({@code data.total} becomes {@code {"data":{"total":...}}}). */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> row(List<Column> columns, Object[] values) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int c = 0; c < columns.size(); c++) {
            Column column = columns.get(c);
            Object value = column.read(values[c]);
            String label = column.label();
            if (column.type() != null || !label.contains(".")) {
                row.put(label, value);
                continue;
            }
            String[] parts = label.split("\\.");
            Map<String, Object> at = row;
            for (int p = 0; p < parts.length - 1; p++) {
                at = (Map<String, Object>) at.computeIfAbsent(parts[p], k -> new LinkedHashMap<String, Object>());
            }
            at.put(parts[parts.length - 1], value);
        }
        return row;
    }
}
