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
     * The statement that builds this index without blocking writes. Collection names and paths match declared
     * patterns (letters, digits, {@code _}), so they can be spelled into the DDL.
     */
    public String createSql() {
        String columns = fields.stream().map(f -> "(" + f.sqlExpression() + ")").collect(Collectors.joining(", "));
        return "CREATE " + (unique ? "UNIQUE " : "") + "INDEX CONCURRENTLY IF NOT EXISTS " + physicalName()
                + " ON documents (tenant_id, " + columns + ") WHERE collection = '" + collection + "'";
    }

    /** The statement that removes it without blocking writes. */
    public static String dropSql(String collection, String name) {
        return "DROP INDEX CONCURRENTLY IF EXISTS " + physicalName(collection, name);
    }

    /**
     * A fingerprint of the definition, kept as the index's comment: an index whose fields change under the same name
     * is found by it (readiness says so, and the migration refuses it: a new definition takes a new name).
     */
    public String fingerprint() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(createSql().getBytes(StandardCharsets.UTF_8));
            return "palisade:" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
