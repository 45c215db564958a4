package dev.palisade.tenancy.query;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.EntityManager;

import dev.palisade.query.Executor;
import dev.palisade.query.Statement;

/**
 * Runs compiled queries as JPA native queries on the current transaction's entity manager, so they share its
 * connection, its tenant binding (row-level security) and its statement inspection. The caller has bound the
 * transaction (through {@code TenantSession}) and names the tenant in the query's scope: the Hibernate filter does not
 * apply to native SQL, so the scope is that wall here.
 */
public final class NativeExecutor implements Executor {

    private final EntityManager em;

    public NativeExecutor(EntityManager em) {
        this.em = em;
    }

    @Override
    public List<Object[]> rows(Statement statement) {
        var query = em.createNativeQuery(statement.numbered());
        for (int i = 0; i < statement.parameters().size(); i++) {
            query.setParameter(i + 1, statement.parameters().get(i));
        }
        List<Object[]> rows = new ArrayList<>();
        for (Object row : query.getResultList()) {
            rows.add(row instanceof Object[] columns ? columns : new Object[]{row});
        }
        return rows;
    }
}
