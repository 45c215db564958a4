package dev.palisade.tenancy.query;

import java.sql.SQLException;
import java.util.List;

import jakarta.persistence.EntityManager;

import org.hibernate.FlushMode;
import org.hibernate.engine.spi.SessionImplementor;
import org.hibernate.resource.jdbc.spi.StatementInspector;

import dev.palisade.query.Executor;
import dev.palisade.query.JdbcExecutor;
import dev.palisade.query.Statement;

/**
 * Runs compiled queries on the current transaction's entity manager: on its connection, so they share its tenant
 * binding (row-level security), after its statement inspection, and after a flush of its pending changes (as a JPA
 * native query would, so the caller's own writes are seen). The caller has bound the transaction (through
 * {@code TenantSession}) and names the tenant in the query's scope: the Hibernate filter does not apply to native
 * SQL, so the scope is that wall here.
 * <p>
 * The statement runs as plain JDBC ({@link JdbcExecutor}), not as a JPA native query: Hibernate would parse its
 * parameters and resolve a result mapping from the result set's metadata on every call, which cost more CPU than the
 * driver's own work (JFR of the query benchmark, bench/PROFILE.md); the columns read back as the driver returns them,
 * which {@code FieldType.read} accepts.
 */
public final class NativeExecutor implements Executor {

    private final EntityManager em;

    public NativeExecutor(EntityManager em) {
        this.em = em;
    }

    @Override
    public List<Object[]> rows(Statement statement) throws SQLException {
        SessionImplementor session = em.unwrap(SessionImplementor.class);
        if (session.getHibernateFlushMode() != FlushMode.MANUAL && (session.getActionQueue().hasAnyQueuedActions()
                || session.getPersistenceContextInternal().getNumberOfManagedEntities() > 0)) {
            session.flush();
        }
        StatementInspector inspector = session.getJdbcSessionContext().getStatementInspector();
        String sql = inspector == null ? statement.sql() : inspector.inspect(statement.sql());
        Statement inspected = sql.equals(statement.sql()) ? statement : new Statement(sql, statement.parameters());
        return session.doReturningWork(connection -> new JdbcExecutor(connection).rows(inspected));
    }
}
