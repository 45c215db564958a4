package dev.palisade.events.query;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import dev.palisade.events.EventStoreUnavailableException;
import dev.palisade.events.FeedQuery;
import dev.palisade.query.Catalog;
import dev.palisade.query.Field;
import dev.palisade.query.FieldType;
import dev.palisade.query.JdbcExecutor;
import dev.palisade.query.Order;
import dev.palisade.query.Page;
import dev.palisade.query.Query;
import dev.palisade.query.QueryRunner;
import dev.palisade.query.QueryTimeoutException;
import dev.palisade.query.Scope;
import dev.palisade.query.Statement;
import dev.palisade.tenancy.TenantId;
import dev.palisade.tenancy.query.QueryConfig;
import dev.palisade.tenancy.query.QueryTransactions;

/**
 * The feed with the query language: filters on {@code type}, {@code streamId}, {@code version}, {@code eventId},
 * {@code recordedAt}, {@code position} and on paths of {@code data} and {@code metadata}, with the feed's own
 * {@code after}, {@code type}, {@code from} and {@code to}.
 * <p>
 * Index strategy: a bounded window. Each page first fixes a window of at most {@link QueryConfig#feedWindow()} events
 * after {@code after} (of the asked types and time), read along {@code (tenant_id, position)} or
 * {@code (tenant_id, type, position)}; the filter is applied inside that window only. A page is full when it holds
 * {@code limit} matches; otherwise, when the window was full, {@code next} is the window's last position, so the
 * reader moves on past events that did not match without ever skipping one that does. A position is committed once
 * every lower position of its tenant is (the append protocol), so everything up to the window's end is visible to the
 * page's read. Cost per page: at most the window's index entries and rows, whatever the filter; no GIN index is kept
 * on event data (appends stay cheap).
 */
@ApplicationScoped
public class FeedQueries {

    /** The feed's fields; position and, for the feed's own parameters, type and recordedAt are indexed. */
    public static final Catalog CATALOG = catalog("events e");

    private static final String WINDOW = """
            SELECT count(*), max(position) FROM (
                   SELECT position FROM events e
                    WHERE %s
                    ORDER BY position
                    LIMIT ?) w
            """;

    private final DataSource dataSource;
    private final QueryTransactions transactions;
    private final QueryConfig config;

    FeedQueries(DataSource dataSource, QueryTransactions transactions, QueryConfig config) {
        this.dataSource = dataSource;
        this.transactions = transactions;
        this.config = config;
    }

    /** A page of the feed: the matching events (as maps), the {@code after} of the next page, the total if asked. */
    public record FeedPage(List<Map<String, Object>> events, Long next, Long total) {
    }

    private static Catalog catalog(String from) {
        return Catalog.of("the event feed", from, "position")
                .with(Field.indexed("position", FieldType.INTEGER, "e.position"))
                .with(Field.indexed("streamId", FieldType.TEXT, "e.stream_id"))
                .with(Field.of("version", FieldType.INTEGER, "e.version"))
                .with(Field.of("eventId", FieldType.UUID, "e.event_id"))
                .with(Field.indexed("type", FieldType.TEXT, "e.type"))
                .withJson("data", "e.data").withJson("metadata", "e.metadata")
                .with(Field.indexed("recordedAt", FieldType.TIMESTAMP, "e.recorded_at"))
                .forbid("tenantId", "tenant_id").defaultOrder(Order.asc("position"));
    }

    /**
     * The events of {@code feed} that match {@code query}'s filter, in position order.
     *
     * @throws dev.palisade.query.QueryException the query does not fit the feed
     * @throws QueryTimeoutException the page ran longer than the statement timeout
     */
    public FeedPage read(FeedQuery feed, Query query) {
        if (!query.orderBy().isEmpty() && !query.orderBy().equals(List.of(Order.asc("position")))) {
            throw dev.palisade.query.QueryException.invalid("orderBy", "is always position on the feed (it is gap-free "
                    + "in that order); page with 'after'.");
        }
        List<String> select = query.select();
        if (!select.isEmpty() && !select.contains("position")) {
            select = new ArrayList<>(select);
            select.add(0, "position");
        }
        Query page = query.orderBy(List.of()).limit(feed.limit()).after(null).select(select);
        QueryRunner.validate(CATALOG, page);
        try {
            return transactions.run((tenant, timeout) -> {
                try (Connection connection = dataSource.getConnection()) {
                    JdbcExecutor executor = new JdbcExecutor(connection);
                    return QueryRunner.timed(CATALOG, executor, timeout, () -> read(feed, page, tenant, executor));
                } catch (SQLException e) {
                    throw EventStoreUnavailableException.of("Reading the feed", e);
                }
            });
        } catch (QueryTimeoutException e) {
            throw e;
        } catch (RuntimeException e) {
            if (QueryTimeoutException.isTimeout(e)) {
                throw new QueryTimeoutException(CATALOG.collection(), e);
            }
            throw e;
        }
    }

    private FeedPage read(FeedQuery feed, Query query, TenantId tenant, JdbcExecutor executor) throws SQLException {
        List<Object> params = new ArrayList<>();
        String bounds = bounds(feed, tenant, params);
        params.add(config.feedWindow());
        Object[] window = executor.rows(new Statement(WINDOW.formatted(bounds), params)).get(0);
        long scanned = ((Number) window[0]).longValue();
        if (scanned == 0) {
            return new FeedPage(List.of(), null, query.count() ? 0L : null);
        }
        // The window ends at a position committed with every lower one: the page below sees all of it.
        long end = ((Number) window[1]).longValue();
        List<Object> scopeParams = new ArrayList<>();
        String scope = bounds(feed, tenant, scopeParams) + " AND e.position <= ?";
        scopeParams.add(end);
        Page page = QueryRunner.page(CATALOG, query.counted(false), new Scope(scope, scopeParams), executor, null);
        Long next = page.next() != null
                ? position(page.items().get(page.items().size() - 1))
                : scanned == config.feedWindow() ? (Long) end : null;
        return new FeedPage(page.items(), next, query.count() ? total(feed, tenant, query, executor) : null);
    }

    /** Every match after {@code after}, beyond the window: bounded by the statement timeout alone. */
    private static long total(FeedQuery feed, TenantId tenant, Query query, JdbcExecutor executor)
            throws SQLException {
        List<Object> params = new ArrayList<>();
        String scope = bounds(feed, tenant, params);
        return QueryRunner.page(CATALOG, query.limit(1).select(List.of("position")), new Scope(scope, params),
                executor, null).total();
    }

    /** The feed's own conditions: tenant first, then after, types and time, as the plain feed reads them. */
    private static String bounds(FeedQuery feed, TenantId tenant, List<Object> params) {
        StringBuilder sql = new StringBuilder("e.tenant_id = ? AND e.position > ?");
        params.add(tenant.value());
        params.add(feed.after());
        if (!feed.types().isEmpty()) {
            sql.append(" AND e.type IN (").append(String.join(", ", Collections.nCopies(feed.types().size(), "?")))
                    .append(')');
            params.addAll(feed.types().stream().sorted().toList());
        }
        if (feed.from() != null) {
            sql.append(" AND e.recorded_at >= ?");
            params.add(feed.from().atOffset(ZoneOffset.UTC));
        }
        if (feed.to() != null) {
            sql.append(" AND e.recorded_at < ?");
            params.add(feed.to().atOffset(ZoneOffset.UTC));
        }
        return sql.toString();
    }

    private static Long position(Map<String, Object> event) {
        return ((Number) event.get("position")).longValue();
    }
}
