package dev.palisade.tenancy.query;

import java.sql.SQLException;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;

import io.quarkus.narayana.jta.QuarkusTransaction;

import dev.palisade.tenancy.TenantId;
import dev.palisade.tenancy.session.TenantSession;

/**
 * Runs a query of the current tenant's data bounded by {@link QueryConfig#statementTimeout()}, at the least cost in
 * round trips:
 * <ul>
 * <li>with no transaction active (a REST request), in a transaction of its own, whose binding statement sets the
 * timeout too ({@link TenantSession#bind(Duration)}): it ends with the query, so nothing needs resetting, and the
 * bound costs no statement;</li>
 * <li>inside the caller's transaction, bound as usual; the work gets the timeout to set around its own statements and
 * reset after them ({@code QueryRunner}), so that the caller's later statements keep their own.</li>
 * </ul>
 */
@ApplicationScoped
public class QueryTransactions {

    /** A query's work: {@code timeout} is the statement timeout it must still set, {@code null} when it is set. */
    @FunctionalInterface
    public interface Work<T> {
        T run(TenantId tenant, Duration timeout) throws SQLException;
    }

    private final TenantSession session;
    private final TransactionSynchronizationRegistry transactions;
    private final QueryConfig config;

    QueryTransactions(TenantSession session, TransactionSynchronizationRegistry transactions, QueryConfig config) {
        this.session = session;
        this.transactions = transactions;
        this.config = config;
    }

    /**
     * Runs {@code work} for the current tenant, bounded by the statement timeout; a {@code SQLException} is thrown as
     * a {@link PersistenceException}.
     */
    public <T> T run(Work<T> work) {
        if (transactions.getTransactionStatus() == Status.STATUS_NO_TRANSACTION) {
            return QuarkusTransaction.requiringNew()
                    .call(() -> sql(() -> work.run(session.bind(config.statementTimeout()), null)));
        }
        return sql(() -> work.run(session.bind(), config.statementTimeout()));
    }

    private interface Call<T> {
        T call() throws SQLException;
    }

    private static <T> T sql(Call<T> call) {
        try {
            return call.call();
        } catch (SQLException e) {
            throw new PersistenceException(e);
        }
    }
}
