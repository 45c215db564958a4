package dev.palisade.documents.collection;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A declared index of a collection: a real PostgreSQL index on the documents table, {@code tenant_id} first, then
 * each field's typed expression, restricted to the collection's rows. {@code unique} holds per tenant: two tenants may
 * hold the same value.
 *
 * @param collection the collection's name
 * @param name the index's name within its collection
 * @param fields the indexed fields, in order
 * @param unique whether two documents of one tenant may not share the indexed values
 */
public record DeclaredIndex(String collection, String name, List<IndexField> fields, boolean unique) {

    /** Physical names are {@code doc_<collection>__<index>}: PostgreSQL keeps at most 63 bytes of a name. */
    public static final int MAX_PHYSICAL_NAME = 63;

    public DeclaredIndex {
        fields = List.copyOf(fields);
    }

    /** The PostgreSQL index's name. */
    public String physicalName() {
        return physicalName(collection, name);
    }

    /** The PostgreSQL name of index {@code name} of {@code collection}. */
    public static String physicalName(String collection, String name) {
        return "doc_" + collection + "__" + name;
    }

    /** The fields' paths, as a client names them: {@code email} or {@code customerId, placedAt}. */
    public String fieldList() {
        return fields.stream().map(IndexField::path).collect(Collectors.joining(", "));
    }

    /**
     * The physical name a rebuild of this index takes while the index it replaces still stands
     * ({@code doc_next_<fingerprint>}: short enough for any declared name), renamed to {@link #physicalName()} once the
     * old one is dropped.
     */
    public String replacementName() {
        return "doc_next_" + fingerprintHex();
    }

    /**
     * The names of this index's extended statistics objects, one per field, in order:
     * {@code doc_stats_<fingerprint>_<n>} (statistics are named apart from relations; the fingerprint ties them to
     * this definition, so the migration finds those of an index that is gone).
     */
    public List<String> statisticsNames() {
        String prefix = statisticsPrefix(fingerprint());
        return IntStream.rangeClosed(1, fields.size()).mapToObj(n -> prefix + n).toList();
    }

    /** What the names of the statistics objects of the index whose fingerprint is {@code fingerprint} start with. */
    public static String statisticsPrefix(String fingerprint) {
        return "doc_stats_" + fingerprint.substring(fingerprint.indexOf(':') + 1) + "_";
    }

    /**
     * The statements that give the planner statistics on each field's expression within the collection:
     * {@code CREATE STATISTICS IF NOT EXISTS doc_stats_<fingerprint>_1 ON collection, (palisade_doc_boolean(data,
     * '{paid}')) FROM documents}. PostgreSQL ignores the statistics of a partial index's expressions, so without them a
     * filter on a declared path is priced at a default share of the rows; with them, and the collection beside the
     * expression, an equality, a one-sided range and a bare boolean are priced from the data, under row-level security
     * too (the comparisons on the extractors are LEAKPROOF). Only the expression a query filters by (a number's
     * float8 key, not its exact value, whose numeric comparisons PostgreSQL would not price under row-level security).
     */
    public List<String> createStatisticsSql() {
        List<String> names = statisticsNames();
        return IntStream.range(0, fields.size())
                .mapToObj(i -> "CREATE STATISTICS IF NOT EXISTS " + names.get(i) + " ON collection, ("
                        + fields.get(i).sqlExpression("data") + ") FROM documents")
                .toList();
    }

    /**
     * Whether PostgreSQL's constraint name {@code name} is this index: its physical name, its replacement's (while a
     * rebuild is being swapped in), or either with the shard suffix Citus appends ({@code doc_customers__email_102083}).
     */
    public boolean isNamed(String name) {
        return name.equals(physicalName()) || name.equals(replacementName())
                || name.matches(physicalName() + "_\\d+") || name.matches(replacementName() + "_\\d+");
    }

    /**
     * The statement that builds this index without blocking writes: {@code tenant_id}, then each field's LEAKPROOF
     * expression (a number's float8 key followed by its exact value, {@link IndexField#indexExpressions}). Collection
     * names and paths match declared patterns (letters, digits, {@code _}), so they can be spelled into the DDL.
     */
    public String createSql() {
        return createSql(physicalName());
    }

    /** The same statement, building the index under another name ({@link #replacementName()}). */
    public String createSql(String name) {
        return createSql(name, fields.stream().flatMap(f -> f.indexExpressions("data").stream()).toList());
    }

    private String createSql(String name, List<String> expressions) {
        String columns = expressions.stream().map(e -> "(" + e + ")").collect(Collectors.joining(", "));
        return "CREATE " + (unique ? "UNIQUE " : "") + "INDEX CONCURRENTLY IF NOT EXISTS " + name
                + " ON documents (tenant_id, " + columns + ") WHERE collection = '" + collection + "'";
    }

    /** The statement that removes it without blocking writes. */
    public static String dropSql(String collection, String name) {
        return dropSql(physicalName(collection, name));
    }

    /** The statement that removes the index named {@code physicalName} without blocking writes. */
    public static String dropSql(String physicalName) {
        return "DROP INDEX CONCURRENTLY IF EXISTS " + physicalName;
    }

    /**
     * A fingerprint of the definition, kept as the index's comment: an index whose fields change under the same name
     * is found by it (readiness says so, and the migration refuses it: a new definition takes a new name).
     */
    public String fingerprint() {
        return fingerprint(createSql());
    }

    /**
     * The fingerprint this definition had when schema 1.3.0 built it, on the one-argument extractors (not LEAKPROOF):
     * an index bearing it is rebuilt on the current ones by the migration ({@code IndexState.Condition.OUTDATED}).
     */
    public String legacyFingerprint() {
        return fingerprint(createSql(physicalName(), fields.stream().map(f -> f.legacyExpression("data")).toList()));
    }

    /** The fingerprint's hex digits (16), for names. */
    private String fingerprintHex() {
        return fingerprint().substring(fingerprint().indexOf(':') + 1);
    }

    private static String fingerprint(String definition) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(definition.getBytes(StandardCharsets.UTF_8));
            return "palisade:" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
