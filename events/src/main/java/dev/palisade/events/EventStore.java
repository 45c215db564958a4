package dev.palisade.events;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import javax.sql.DataSource;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import dev.palisade.events.append.AppendLanes;
import dev.palisade.events.append.AppendOutcome;
import dev.palisade.events.append.EncodedAppend;
import dev.palisade.events.append.EventAppender;
import dev.palisade.events.read.EventReader;
import dev.palisade.tenancy.TenantId;
import dev.palisade.tenancy.context.CurrentTenant;
import dev.palisade.tenancy.session.TenantSession;

/**
 * The event store of the current tenant: append to a stream, read a stream, read the tenant's feed.
 * <p>
 * Every method runs in the caller's transaction when there is one (so an embedding service can append events
 * atomically with its own writes) and in its own otherwise. The current tenant ({@code CurrentTenant}) must be set:
 * by an authenticated request, or by {@code TenantScope} elsewhere.
 * <p>
 * Guarantees: appends are atomic and all-or-nothing; a stream's versions are 1, 2, ... without gaps; a failed
 * {@link ExpectedVersion} check writes nothing and takes no feed position; an append repeated with the same event ids
 * and content returns the original result; the feed's positions are strictly increasing and a reader paging with
 * {@code after} never misses an event, even one whose transaction committed after a later-started one. Holding a
 * transaction open after {@link #append} delays the tenant's other appends until it ends: append last.
 *
 * <pre>{@code
 * AppendResult r = store.append(AppendCommand.to(StreamId.of("order-1"), ExpectedVersion.noStream(),
 *         List.of(NewEvent.of("OrderPlaced", data))));
 * EventPage page = store.readFeed(FeedQuery.after(lastSeen));
 * }</pre>
 */
@ApplicationScoped
public class EventStore {

    private final DataSource dataSource;
    private final TenantSession tenantSession;
    private final TransactionSynchronizationRegistry transactions;
    private final EventStoreConfig config;
    private final EventAppender appender;
    private final AppendLanes lanes;
    private final EventReader reader;

    EventStore(DataSource dataSource, TenantSession tenantSession, TransactionSynchronizationRegistry transactions,
            EventStoreConfig config, ObjectMapper json) {
        this.dataSource = dataSource;
        this.transactions = transactions;
        this.tenantSession = tenantSession;
        this.config = config;
        this.appender = new EventAppender(json, config.maxAppendEvents(), config.maxAppendSize().asLongValue());
        this.lanes = new AppendLanes(this::appendCombined, config.maxCombinedAppends(),
                config.maxAppendSize().asLongValue());
        // Numbers come back exactly as they were stored: no rounding through double.
        this.reader = new EventReader(json.reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .with(JsonNodeFactory.withExactBigDecimals(true)));
    }

    /**
     * Appends the command's events to its stream.
     *
     * @throws WrongExpectedVersionException the stream is not as expected; nothing was written
     * @throws EventIdConflictException an event id is already recorded with other content
     * @throws AppendLimitExceededException too many events or bytes
     */
    @Transactional(TxType.SUPPORTS)
    public AppendResult append(AppendCommand command) {
        EncodedAppend encoded = appender.encode(command);
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            // No caller transaction: the tenant's lane combines this append with concurrent ones into one
            // autocommit call, which commits inside the database (see EventAppender and AppendLanes).
            return lanes.append(CurrentTenant.require(), encoded);
        }
        TenantId tenant = tenantSession.bind();
        try (Connection connection = dataSource.getConnection()) {
            return appender.appendAll(connection, tenant, List.of(encoded)).get(0).get();
        } catch (SQLException e) {
            throw new IllegalStateException("appending to stream '" + command.streamId() + "' failed (SQL state "
                    + e.getSQLState() + ")", e);
        }
    }

    private List<AppendOutcome> appendCombined(TenantId tenant, List<EncodedAppend> appends) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return appender.appendAll(connection, tenant, appends);
        }
    }

    /**
     * Reads up to {@code limit} events of a stream, from {@code fromVersion} on.
     *
     * @throws StreamNotFoundException the stream has no events
     */
    @Transactional
    public EventPage readStream(StreamId streamId, long fromVersion, int limit) {
        requireLimit(limit);
        if (fromVersion < 1) {
            throw new InvalidEventException("fromVersion", "must be 1 or more; found " + fromVersion + ".");
        }
        TenantId tenant = tenantSession.bind();
        try (Connection connection = dataSource.getConnection()) {
            EventPage page = reader.readStream(connection, tenant, streamId, fromVersion, limit);
            if (page.events().isEmpty() && !reader.streamExists(connection, tenant, streamId)) {
                throw new StreamNotFoundException(streamId);
            }
            return page;
        } catch (SQLException e) {
            throw new IllegalStateException("reading stream '" + streamId + "' failed (SQL state " + e.getSQLState()
                    + ")", e);
        }
    }

    /** Reads the tenant's feed: events after a position, in position order, optionally filtered. */
    @Transactional
    public EventPage readFeed(FeedQuery query) {
        requireLimit(query.limit());
        TenantId tenant = tenantSession.bind();
        try (Connection connection = dataSource.getConnection()) {
            return reader.readFeed(connection, tenant, query);
        } catch (SQLException e) {
            throw new IllegalStateException("reading the feed failed (SQL state " + e.getSQLState() + ")", e);
        }
    }

    /** The stream's last version; 0 when it has no events. */
    @Transactional
    public long currentVersion(StreamId streamId) {
        TenantId tenant = tenantSession.bind();
        try (Connection connection = dataSource.getConnection()) {
            return reader.currentVersion(connection, tenant, streamId);
        } catch (SQLException e) {
            throw new IllegalStateException("reading the version of stream '" + streamId + "' failed (SQL state "
                    + e.getSQLState() + ")", e);
        }
    }

    /** The position of the tenant's last committed event; 0 before its first. */
    @Transactional
    public long head() {
        TenantId tenant = tenantSession.bind();
        try (Connection connection = dataSource.getConnection()) {
            return reader.head(connection, tenant);
        } catch (SQLException e) {
            throw new IllegalStateException("reading the feed head failed (SQL state " + e.getSQLState() + ")", e);
        }
    }

    @PreDestroy
    void stop() {
        lanes.close();
    }

    private void requireLimit(int limit) {
        if (limit < 1 || limit > config.maxReadLimit()) {
            throw new InvalidEventException("limit", "must be between 1 and " + config.maxReadLimit() + "; found "
                    + limit + ".");
        }
    }
}
