package dev.palisade.documents.collection;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

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
        return "doc_next_" + fingerprint().substring(fingerprint().indexOf(':') + 1);
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

    private static String fingerprint(String definition) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(definition.getBytes(StandardCharsets.UTF_8));
            return "palisade:" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
