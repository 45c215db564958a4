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
 * A write inserts with {@code ON CONFLICT DO NOTHING} and updates only data that differs ({@code IS DISTINCT FROM}, the
 * equality of {@code jsonb}), so a write of unchanged data writes nothing: no new row version, no WAL, the version and
 * {@code updated_at} as they were. The sub-statements of a {@code WITH} share one snapshot, so the update never sees
 * the row the insert made, and the last branch reads the row as it was when nothing changed it.
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

    static final String UPSERT = INPUT + """
            , created AS (
                INSERT INTO documents (tenant_id, collection, id, data, created_at, updated_at, version)
                SELECT tenant_id, collection, id, data, at, at, 0 FROM n
                ON CONFLICT (tenant_id, collection, id) DO NOTHING
                RETURNING id, data, version, created_at, updated_at
            ), changed AS (
                UPDATE documents d SET data = n.data, updated_at = n.at, version = d.version + 1
                  FROM n
                 WHERE d.tenant_id = n.tenant_id AND d.collection = n.collection AND d.id = n.id
                   AND d.data IS DISTINCT FROM n.data
                RETURNING d.id, d.data, d.version, d.created_at, d.updated_at
            )
            SELECT id, data::text, version, created_at, updated_at, 'CREATED' FROM created
            UNION ALL
            SELECT id, data::text, version, created_at, updated_at, 'CHANGED' FROM changed
            UNION ALL
            SELECT d.id, d.data::text, d.version, d.created_at, d.updated_at, 'FOUND' FROM documents d, n
             WHERE d.tenant_id = n.tenant_id AND d.collection = n.collection AND d.id = n.id
               AND NOT EXISTS (SELECT FROM changed)
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

    static final String WRITE_ALL = """
            WITH n AS (SELECT ?::text AS tenant_id, ?::text AS collection, u.id, u.data::jsonb AS data,
                              ?::timestamptz AS at
                         FROM unnest(?::text[], ?::text[]) AS u(id, data)
            ), created AS (
                INSERT INTO documents (tenant_id, collection, id, data, created_at, updated_at, version)
                SELECT tenant_id, collection, id, data, at, at, 0 FROM n
                ON CONFLICT (tenant_id, collection, id) DO NOTHING
                RETURNING id, version, created_at, updated_at
            ), changed AS (
                UPDATE documents d SET data = n.data, updated_at = n.at, version = d.version + 1
                  FROM n
                 WHERE d.tenant_id = n.tenant_id AND d.collection = n.collection AND d.id = n.id
                   AND d.data IS DISTINCT FROM n.data
                RETURNING d.id, d.version, d.created_at, d.updated_at
            )
            SELECT id, NULL, version, created_at, updated_at, 'CREATED' FROM created
            UNION ALL
            SELECT id, NULL, version, created_at, updated_at, 'CHANGED' FROM changed
            UNION ALL
            SELECT d.id, NULL, d.version, d.created_at, d.updated_at, 'FOUND' FROM documents d, n
             WHERE d.tenant_id = n.tenant_id AND d.collection = n.collection AND d.id = n.id
               AND d.data = n.data
            """;

    /**
     * Creates or replaces every document ({@code ids} distinct, {@code data} in the same order) in one statement; the
     * answer, by id, carries no data. An id missing from it was created by a transaction that committed after this
     * statement began.
     * <p>
     * The last branch finds the unchanged documents by equal data, not by "not in {@code changed}": PostgreSQL plans
     * that anti-join as a nested loop over the CTE, 500,000 comparisons for a bulk of 1,000 (measured: 223 ms). A
     * document changed by another transaction between this statement's snapshot and its update can appear both as
     * found (its data as of the snapshot) and as changed; the change wins.
     */
    Map<String, Stored> writeAll(String collection, List<String> ids, List<String> data, Instant now) {
        return run((connection, tenant) -> {
            try (PreparedStatement st = connection.prepareStatement(WRITE_ALL)) {
                st.setString(1, tenant);
                st.setString(2, collection);
                st.setObject(3, at(now));
                st.setArray(4, connection.createArrayOf("text", ids.toArray()));
                st.setArray(5, connection.createArrayOf("text", data.toArray()));
                Map<String, Stored> stored = new HashMap<>(ids.size() * 2);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        Stored row = stored(rs);
                        stored.merge(row.id(), row, (a, b) -> a.outcome() == Outcome.FOUND ? b : a);
                    }
                }
                return stored;
            }
        });
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
