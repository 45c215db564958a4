package dev.palisade.events;

import java.sql.Connection;
import java.sql.SQLException;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import javax.sql.DataSource;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.palisade.events.append.AppendLanes;
import dev.palisade.events.append.CommitAnnouncement;
import dev.palisade.events.append.EncodedAppend;
import dev.palisade.events.append.EventAppender;
import dev.palisade.events.read.EventReader;
import dev.palisade.tenancy.TenantId;
import dev.palisade.tenancy.context.CurrentTenant;
import dev.palisade.tenancy.session.TenantSession;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.narayana.jta.QuarkusTransactionException;

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
 * transaction open after {@link #append} delays the tenant's other appends until it ends: append last. After every
 * commit that appended events, {@link EventsCommitted} is fired (synchronously, outside the transaction).
 * <p>
 * When the database fails, every method throws {@link EventStoreUnavailableException}; an append whose connection
 * broke after it was sent throws {@link AppendOutcomeUnknownException} (send it again with the same event ids).
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
    private final Event<EventsCommitted> committed;
    private final EventAppender appender;
    private final AppendLanes lanes;
    private final EventReader reader;

    EventStore(DataSource dataSource, TenantSession tenantSession, TransactionSynchronizationRegistry transactions,
            EventStoreConfig config, ObjectMapper json, Event<EventsCommitted> committed) {
        this.dataSource = dataSource;
        this.transactions = transactions;
        this.tenantSession = tenantSession;
        this.config = config;
        this.committed = committed;
        this.appender = new EventAppender(dataSource, json, config.maxAppendEvents(),
                config.maxAppendSize().asLongValue(), committed::fire);
        // The lanes' writers call the appender themselves: one connection and one commit per combined call.
        this.lanes = new AppendLanes(appender, config.maxCombinedAppends(), config.maxAppendSize().asLongValue());
        this.reader = new EventReader();
    }

    /**
     * Appends the command's events to its stream.
     *
     * @throws WrongExpectedVersionException the stream is not as expected; nothing was written
     * @throws EventIdConflictException an event id is already recorded with other content
     * @throws AppendLimitExceededException too many events or bytes
     * @throws EventStoreUnavailableException the database failed; nothing was written
     * @throws AppendOutcomeUnknownException the connection broke after the append was sent
     */
    @Transactional(TxType.SUPPORTS)
    public AppendResult append(AppendCommand command) {
        EncodedAppend encoded = appender.encode(command);
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            // No caller transaction: the tenant's lane combines this append with concurrent ones into one
            // autocommit call, which commits inside the database (see EventAppender and AppendLanes).
            return lanes.append(CurrentTenant.require(), encoded);
        }
        AppendResult result = withConnection("Appending",
                (connection, tenant) -> appender.appendInTransaction(connection, tenant, encoded));
        if (!result.replayed()) {
            CommitAnnouncement.afterCommit(transactions, CurrentTenant.require(),
                    result.positions().get(result.positions().size() - 1), committed::fire);
        }
        return result;
    }

    /**
     * Reads up to {@code limit} events of a stream, from {@code fromVersion} on.
     *
     * @throws StreamNotFoundException the stream has no events
     */
    public EventPage readStream(StreamId streamId, long fromVersion, int limit) {
        requireLimit(limit);
        if (fromVersion < 1) {
            throw new InvalidEventException("fromVersion", "must be 1 or more; found " + fromVersion + ".");
        }
        EventPage page = inTransaction("Reading stream '" + streamId + "'", (connection, tenant) -> {
            EventPage found = reader.readStream(connection, tenant, streamId, fromVersion, limit);
            return found.events().isEmpty() && !reader.streamExists(connection, tenant, streamId) ? null : found;
        });
        if (page == null) {
            throw new StreamNotFoundException(streamId);
        }
        return page;
    }

    /** Reads the tenant's feed: events after a position, in position order, optionally filtered. */
    public EventPage readFeed(FeedQuery query) {
        requireLimit(query.limit());
        return inTransaction("Reading the feed", (connection, tenant) -> reader.readFeed(connection, tenant, query));
    }

    /** The stream's last version; 0 when it has no events. */
    public long currentVersion(StreamId streamId) {
        return inTransaction("Reading the version of stream '" + streamId + "'",
                (connection, tenant) -> reader.currentVersion(connection, tenant, streamId));
    }

    /** The position of the tenant's last committed event; 0 before its first. */
    public long head() {
        return inTransaction("Reading the feed head", (connection, tenant) -> reader.head(connection, tenant));
    }

    @PreDestroy
    void stop() {
        lanes.close();
    }

    /** JDBC work on the current transaction's connection, bound to the current tenant. */
    @FunctionalInterface
    private interface Work<T> {
        T run(Connection connection, TenantId tenant) throws SQLException;
    }

    /**
     * Binds the transaction to the current tenant and runs {@code work} on its connection; the database's failures
     * (here or while binding) become {@link EventStoreUnavailableException}s naming {@code what} failed.
     */
    private <T> T withConnection(String what, Work<T> work) {
        try {
            TenantId tenant = tenantSession.bind();
            try (Connection connection = dataSource.getConnection()) {
                return work.run(connection, tenant);
            }
        } catch (SQLException e) {
            throw EventStoreUnavailableException.of(what, e);
        } catch (PersistenceException e) {
            // Binding goes through the entity manager, which wraps the driver's exception.
            if (e.getCause() instanceof SQLException sql) {
                throw EventStoreUnavailableException.of(what, sql);
            }
            throw e;
        }
    }

    /**
     * {@link #withConnection} in the caller's transaction, or in one of its own; a transaction of its own that cannot
     * commit (its connection broke after the work) is the database's trouble too.
     */
    private <T> T inTransaction(String what, Work<T> work) {
        try {
            return QuarkusTransaction.joiningExisting().call(() -> withConnection(what, work));
        } catch (QuarkusTransactionException e) {
            throw new EventStoreUnavailableException(EventStoreUnavailableException.message(what), e);
        }
    }

    private void requireLimit(int limit) {
        if (limit < 1 || limit > config.maxReadLimit()) {
            throw new InvalidEventException("limit", "must be between 1 and " + config.maxReadLimit() + "; found "
                    + limit + ".");
        }
    }
}
