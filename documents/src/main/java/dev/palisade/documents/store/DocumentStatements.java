package dev.palisade.documents.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;

import dev.palisade.tenancy.session.TenantSession;

/**
 * The documents table in single statements on the current transaction's connection: a read by id, a write (whatever
 * it finds: {@code INSERT ... ON CONFLICT}) and a bulk write of up to 1,000 documents are one round trip each.
 * <p>
 * Why SQL and not the entity: the entity path (find, persist, flush, refresh) took four statements per write, and
 * Hibernate builds a new SQL plan for every load by id while a filter is enabled, which the tenant filter always is
 * (bench/PROFILE.md, documents). How the walls still hold: the Hibernate filter does not apply to native SQL, so, as
 * every native statement of the platform does ({@code WorkspaceQueries}, the event store), each one names the tenant
 * that {@link TenantSession#bind()} returns, the tenant the platform has bound this transaction to, never one chosen
 * here. Row-level security applies as to any statement: the connection is the transaction's, bound when it left the
 * pool. Hibernate turns a {@link SQLException} into its {@code ConstraintViolationException}, naming the constraint,
 * as it does for the entity. (Being plain JDBC on the session's connection, they do not pass a Hibernate
 * {@code StatementInspector}.)
 * <p>
 * An unconditional write is one {@code INSERT ... ON CONFLICT DO UPDATE} that changes only data that differs
 * ({@code IS DISTINCT FROM}, the equality of {@code jsonb}), so a write of unchanged data makes no new row version and
 * keeps the version and {@code updated_at}; such a row is locked, not returned, and read by a statement of its own.
 * Concurrent unconditional writes of one new id both succeed (one creates, the other replaces or finds it), which an
 * insert beside an update in one snapshot could not promise.
 */
@ApplicationScoped
class DocumentStatements {

    /** What a statement did to a document: created it, changed its data, or found it (and left it as it was). */
    enum Outcome {
        CREATED, CHANGED, FOUND
    }

    /** A document row as the database holds it after the statement; {@code data} is jsonb's text of it. */
    record Stored(String id, String data, long version, Instant createdAt, Instant updatedAt, Outcome outcome) {
    }

    private final TenantSession session;
    private final EntityManager entityManager;

    DocumentStatements(TenantSession session, EntityManager entityManager) {
        this.session = session;
        this.entityManager = entityManager;
    }

    private interface Work<T> {
        T run(Connection connection, String tenant) throws SQLException;
    }

    private <T> T run(Work<T> work) {
        String tenant = session.bind().value();
        return entityManager.unwrap(Session.class).doReturningWork(connection -> work.run(connection, tenant));
    }

    static final String FIND = """
            SELECT id, data::text, version, created_at, updated_at, 'FOUND'
              FROM documents
             WHERE tenant_id = ? AND collection = ? AND id = ?
            """;

    /** The document, if this tenant has it; {@code lock} holds it until the transaction ends. */
    Optional<Stored> find(String collection, String id, boolean lock) {
        return run((connection, tenant) -> {
            try (PreparedStatement st = connection.prepareStatement(lock ? FIND + " FOR UPDATE" : FIND)) {
                st.setString(1, tenant);
                st.setString(2, collection);
                st.setString(3, id);
                return one(st);
            }
        });
    }

    // The document a single write names, for the statements below: (tenant, collection, id, data, now).
    private static final String INPUT = """
            WITH n AS (SELECT ?::text AS tenant_id, ?::text AS collection, ?::text AS id, ?::jsonb AS data,
                              ?::timestamptz AS at)
            """;

    // ON CONFLICT DO UPDATE, not an insert beside an update: it locks and changes a row that another transaction
    // committed after this statement's snapshot, so two unconditional writes of a new id never refuse each other.
    // xmax = 0 only on a row this statement inserted. A row whose data is unchanged is locked but not returned.
    static final String UPSERT = INPUT + """
            , written AS (
                INSERT INTO documents AS d (tenant_id, collection, id, data, created_at, updated_at, version)
                SELECT tenant_id, collection, id, data, at, at, 0 FROM n
                ON CONFLICT (tenant_id, collection, id) DO UPDATE
                   SET data = excluded.data, updated_at = excluded.updated_at, version = d.version + 1
                 WHERE d.data IS DISTINCT FROM excluded.data
                RETURNING d.id, d.data, d.version, d.created_at, d.updated_at, d.xmax = 0 AS created
            )
            SELECT id, data::text, version, created_at, updated_at, CASE WHEN created THEN 'CREATED' ELSE 'CHANGED' END
              FROM written
            """;

    static final String CREATE = INPUT + """
            , created AS (
                INSERT INTO documents (tenant_id, collection, id, data, created_at, updated_at, version)
                SELECT tenant_id, collection, id, data, at, at, 0 FROM n
                ON CONFLICT (tenant_id, collection, id) DO NOTHING
                RETURNING id, data, version, created_at, updated_at
            )
            SELECT id, data::text, version, created_at, updated_at, 'CREATED' FROM created
            UNION ALL
            SELECT d.id, d.data::text, d.version, d.created_at, d.updated_at, 'FOUND' FROM documents d, n
             WHERE d.tenant_id = n.tenant_id AND d.collection = n.collection AND d.id = n.id
               AND NOT EXISTS (SELECT FROM created)
            """;

    static final String REPLACE = INPUT + """
            , changed AS (
                UPDATE documents d SET data = n.data, updated_at = n.at, version = d.version + 1
                  FROM n
                 WHERE d.tenant_id = n.tenant_id AND d.collection = n.collection AND d.id = n.id
                   AND d.version = ? AND d.data IS DISTINCT FROM n.data
                RETURNING d.id, d.data, d.version, d.created_at, d.updated_at
            )
            SELECT id, data::text, version, created_at, updated_at, 'CHANGED' FROM changed
            UNION ALL
            SELECT d.id, d.data::text, d.version, d.created_at, d.updated_at, 'FOUND' FROM documents d, n
             WHERE d.tenant_id = n.tenant_id AND d.collection = n.collection AND d.id = n.id
               AND NOT EXISTS (SELECT FROM changed)
            """;

    /**
     * Creates the document, or replaces its data when it exists; {@code onlyCreate} leaves an existing one alone, and
     * {@code ifVersion} (when not negative) replaces only that version and never creates. The answer is the
     * document as the statement left it ({@link Outcome}); empty when there is none: not found, or created by a
     * transaction that committed after this statement began.
     */
    Optional<Stored> write(String collection, String id, String data, Instant now, boolean onlyCreate,
            long ifVersion) {
        String sql = ifVersion >= 0 ? REPLACE : onlyCreate ? CREATE : UPSERT;
        return run((connection, tenant) -> {
            try (PreparedStatement st = connection.prepareStatement(sql)) {
                st.setString(1, tenant);
                st.setString(2, collection);
                st.setString(3, id);
                st.setString(4, data);
                st.setObject(5, at(now));
                if (ifVersion >= 0) {
                    st.setLong(6, ifVersion);
                }
                Optional<Stored> written = one(st);
                if (written.isPresent() || ifVersion >= 0 || onlyCreate) {
                    return written;
                }
            }
            // Unchanged data: the row is locked by the upsert; a statement of its own reads it, committed by another
            // transaction after the upsert began or not.
            try (PreparedStatement st = connection.prepareStatement(FIND)) {
                st.setString(1, tenant);
                st.setString(2, collection);
                st.setString(3, id);
                return one(st);
            }
        });
    }

    static final String LOCK_VERSIONS = """
            SELECT id, version FROM documents
             WHERE tenant_id = ? AND collection = ? AND id = ANY (?::text[])
               FOR UPDATE
            """;

    /** The versions of those of {@code ids} that exist, locked until the transaction ends. */
    Map<String, Long> lockVersions(String collection, List<String> ids) {
        return run((connection, tenant) -> {
            try (PreparedStatement st = connection.prepareStatement(LOCK_VERSIONS)) {
                st.setString(1, tenant);
                st.setString(2, collection);
                st.setArray(3, connection.createArrayOf("text", ids.toArray()));
                Map<String, Long> versions = new HashMap<>();
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        versions.put(rs.getString(1), rs.getLong(2));
                    }
                }
                return versions;
            }
        });
    }

    // As UPSERT, over arrays; the caller sorts the ids, so concurrent bulks lock shared documents in one order.
    static final String WRITE_ALL = """
            WITH n AS (SELECT ?::text AS tenant_id, ?::text AS collection, u.id, u.data::jsonb AS data,
                              ?::timestamptz AS at
                         FROM unnest(?::text[], ?::text[]) WITH ORDINALITY AS u(id, data, ord) ORDER BY u.ord
            )
            INSERT INTO documents AS d (tenant_id, collection, id, data, created_at, updated_at, version)
            SELECT tenant_id, collection, id, data, at, at, 0 FROM n
            ON CONFLICT (tenant_id, collection, id) DO UPDATE
               SET data = excluded.data, updated_at = excluded.updated_at, version = d.version + 1
             WHERE d.data IS DISTINCT FROM excluded.data
            RETURNING d.id, NULL, d.version, d.created_at, d.updated_at,
                      CASE WHEN d.xmax = 0 THEN 'CREATED' ELSE 'CHANGED' END
            """;

    static final String FIND_ALL = """
            SELECT id, NULL, version, created_at, updated_at, 'FOUND'
              FROM documents
             WHERE tenant_id = ? AND collection = ? AND id = ANY (?::text[])
            """;

    /**
     * Creates or replaces every document ({@code ids} distinct, {@code data} in the same order) in one statement, in
     * id order; the answer, by id, carries no data. Unchanged documents are read by a second statement.
     */
    Map<String, Stored> writeAll(String collection, List<String> ids, List<String> data, Instant now) {
        Integer[] order = new Integer[ids.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, java.util.Comparator.comparing(ids::get));
        Object[] sortedIds = new Object[order.length];
        Object[] sortedData = new Object[order.length];
        for (int i = 0; i < order.length; i++) {
            sortedIds[i] = ids.get(order[i]);
            sortedData[i] = data.get(order[i]);
        }
        return run((connection, tenant) -> {
            Map<String, Stored> stored = new HashMap<>(ids.size() * 2);
            try (PreparedStatement st = connection.prepareStatement(WRITE_ALL)) {
                st.setString(1, tenant);
                st.setString(2, collection);
                st.setObject(3, at(now));
                st.setArray(4, connection.createArrayOf("text", sortedIds));
                st.setArray(5, connection.createArrayOf("text", sortedData));
                collect(st, stored);
            }
            if (stored.size() < ids.size()) {
                // Unchanged documents: locked by the insert, read by a statement of its own, whose snapshot sees
                // them even when another transaction committed them after the insert began.
                List<String> unchanged = ids.stream().filter(id -> !stored.containsKey(id)).toList();
                try (PreparedStatement st = connection.prepareStatement(FIND_ALL)) {
                    st.setString(1, tenant);
                    st.setString(2, collection);
                    st.setArray(3, connection.createArrayOf("text", unchanged.toArray()));
                    collect(st, stored);
                }
            }
            return stored;
        });
    }

    private static void collect(PreparedStatement st, Map<String, Stored> into) throws SQLException {
        try (ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                Stored row = stored(rs);
                into.put(row.id(), row);
            }
        }
    }

    private static Optional<Stored> one(PreparedStatement st) throws SQLException {
        try (ResultSet rs = st.executeQuery()) {
            return rs.next() ? Optional.of(stored(rs)) : Optional.empty();
        }
    }

    /** Reads the columns every statement returns: id, data, version, created_at, updated_at, outcome. */
    private static Stored stored(ResultSet rs) throws SQLException {
        return new Stored(rs.getString(1), rs.getString(2), rs.getLong(3),
                rs.getObject(4, OffsetDateTime.class).toInstant(), rs.getObject(5, OffsetDateTime.class).toInstant(),
                Outcome.valueOf(rs.getString(6)));
    }

    private static OffsetDateTime at(Instant now) {
        return now.atOffset(ZoneOffset.UTC);
    }
}
