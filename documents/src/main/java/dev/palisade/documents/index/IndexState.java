package dev.palisade.documents.index;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.palisade.documents.collection.DeclaredIndex;

/**
 * The declared indexes as PostgreSQL has them: present or missing, valid or not (a failed {@code CONCURRENTLY} build
 * leaves an invalid index behind), and built from this definition, from this definition on the extractors of schema
 * 1.3.0 (to be rebuilt), or from another (the fingerprint in its comment).
 */
public final class IndexState {

    /** How one declared index stands. */
    public enum Condition {
        READY, MISSING, INVALID,
        /** The same fields, built on schema 1.3.0's extractors (not LEAKPROOF): the migration rebuilds it. */
        OUTDATED, OTHER_DEFINITION
    }

    /** One declared index and how it stands. */
    public record Status(DeclaredIndex index, Condition condition) {

        /** What readiness says of it: {@code customers.email: missing}. */
        public String describe() {
            return index.collection() + "." + index.name() + ": " + switch (condition) {
                case READY -> "ready";
                case MISSING -> "missing (run the migration job to build it)";
                case INVALID -> "invalid (its build failed; the migration job rebuilds it)";
                case OUTDATED -> "built on the extractors of schema 1.3.0, which filters cannot use under row-level "
                        + "security (the migration job builds it anew CONCURRENTLY, then drops the old one)";
                case OTHER_DEFINITION -> "built from another definition (an index's fields never change in place: "
                        + "declare a new name, retire the old one)";
            };
        }
    }

    private static final String EXISTING = """
            SELECT c.relname, i.indisvalid, obj_description(c.oid, 'pg_class')
            FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
            WHERE i.indrelid = to_regclass('documents') AND c.relname LIKE 'doc\\_%'
            """;

    private IndexState() {
    }

    /** How each of {@code declared} stands, read on {@code connection} (any role may read the catalog). */
    public static List<Status> of(Connection connection, List<DeclaredIndex> declared) throws SQLException {
        Map<String, Object[]> existing = new HashMap<>();
        try (PreparedStatement st = connection.prepareStatement(EXISTING); ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                existing.put(rs.getString(1), new Object[]{rs.getBoolean(2), rs.getString(3)});
            }
        }
        List<Status> statuses = new ArrayList<>();
        for (DeclaredIndex index : declared) {
            Object[] found = existing.get(index.physicalName());
            Condition condition;
            if (found == null) {
                condition = Condition.MISSING;
            } else if (!(Boolean) found[0]) {
                condition = Condition.INVALID;
            } else if (index.legacyFingerprint().equals(found[1])) {
                condition = Condition.OUTDATED;
            } else if (!index.fingerprint().equals(found[1])) {
                condition = Condition.OTHER_DEFINITION;
            } else {
                condition = Condition.READY;
            }
            statuses.add(new Status(index, condition));
        }
        return statuses;
    }
}
