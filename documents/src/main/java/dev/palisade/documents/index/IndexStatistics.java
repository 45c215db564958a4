package dev.palisade.documents.index;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.palisade.documents.collection.DeclaredIndex;

/**
 * The planner's statistics on the declared indexes' expressions: one extended statistics object per field of each
 * declared index ({@link DeclaredIndex#createStatisticsSql()}, the collection beside the field's expression), created
 * by the migration next to its index and dropped once no index of that definition stands.
 * <p>
 * Why: PostgreSQL ignores the expression statistics of a partial index (every declared index is partial, per
 * collection), so it would price a filter on a declared path at a default share of the rows (a third for a bare
 * boolean or a one-sided range) and might walk the tenant's primary key for {@code ORDER BY id LIMIT} instead of the
 * declared index. The expression statistics price an equality or a range; the multi-column MCV list of (collection,
 * expression) prices a bare boolean (which PostgreSQL estimates through MCV lists only) and the collection's share.
 * Creating or dropping one takes {@code SHARE UPDATE EXCLUSIVE} on the table, as {@code ANALYZE} does: no write
 * waits. They are not part of readiness: without them plans may be worse, never results.
 */
final class IndexStatistics {

    private static final String EXISTING = """
            SELECT stxname FROM pg_statistic_ext
            WHERE stxrelid = to_regclass('documents') AND stxname LIKE 'doc\\_stats\\_%'
            """;

    /** The fingerprints in the comments of the indexes standing on the documents table. */
    private static final String STANDING = """
            SELECT obj_description(i.indexrelid, 'pg_class') FROM pg_index i
            WHERE i.indrelid = to_regclass('documents')
            """;

    private IndexStatistics() {
    }

    /**
     * Creates the statistics objects of {@code declared} that are missing and, if any was, analyzes the table so that
     * they hold data at once (autovacuum keeps them fresh afterwards). Returns the names created.
     */
    static List<String> create(Connection connection, List<DeclaredIndex> declared) throws SQLException {
        Set<String> existing = existing(connection);
        List<String> created = new ArrayList<>();
        try (Statement st = connection.createStatement()) {
            for (DeclaredIndex index : declared) {
                List<String> names = index.statisticsNames();
                List<String> statements = index.createStatisticsSql();
                for (int i = 0; i < names.size(); i++) {
                    if (!existing.contains(names.get(i))) {
                        st.execute(statements.get(i));
                        st.execute("COMMENT ON STATISTICS " + names.get(i) + " IS 'planner statistics of "
                                + index.collection() + "." + index.name() + " field " + index.fields().get(i).path()
                                + "'");
                        created.add(names.get(i));
                    }
                }
            }
            if (!created.isEmpty()) {
                st.execute("ANALYZE documents");
            }
        }
        return created;
    }

    /**
     * Drops the statistics objects of indexes that are gone: those whose fingerprint is neither one of {@code keep}
     * nor the comment of an index still standing (an index removed from the file keeps its statistics until it is
     * retired, as it keeps its index).
     */
    static void dropOrphans(Connection connection, List<DeclaredIndex> keep) throws SQLException {
        Set<String> fingerprints = new HashSet<>();
        keep.forEach(index -> fingerprints.add(index.fingerprint()));
        try (PreparedStatement st = connection.prepareStatement(STANDING); ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                fingerprints.add(rs.getString(1));
            }
        }
        Set<String> wanted = new HashSet<>();
        for (String fingerprint : fingerprints) {
            if (fingerprint != null) {
                wanted.add(DeclaredIndex.statisticsPrefix(fingerprint));
            }
        }
        try (Statement st = connection.createStatement()) {
            for (String name : existing(connection)) {
                String owner = name.substring(0, name.lastIndexOf('_') + 1);
                if (!wanted.contains(owner)) {
                    st.execute("DROP STATISTICS IF EXISTS " + name);
                }
            }
        }
    }

    private static Set<String> existing(Connection connection) throws SQLException {
        Set<String> names = new HashSet<>();
        try (PreparedStatement st = connection.prepareStatement(EXISTING); ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }
}
