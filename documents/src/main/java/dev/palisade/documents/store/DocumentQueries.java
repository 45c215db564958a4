package dev.palisade.documents.store;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import dev.palisade.documents.collection.CollectionDeclaration;
import dev.palisade.documents.collection.CollectionsFile;
import dev.palisade.documents.collection.DeclaredIndex;
import dev.palisade.documents.collection.IndexField;
import dev.palisade.documents.collection.Reference;
import dev.palisade.query.Catalog;
import dev.palisade.query.Executor;
import dev.palisade.query.Field;
import dev.palisade.query.FieldType;
import dev.palisade.query.Groups;
import dev.palisade.query.JsonText;
import dev.palisade.query.Page;
import dev.palisade.query.Query;
import dev.palisade.query.QueryException;
import dev.palisade.query.QueryRunner;
import dev.palisade.query.Scope;
import dev.palisade.query.Statement;
import dev.palisade.tenancy.TenantId;
import dev.palisade.tenancy.query.NativeExecutor;
import dev.palisade.tenancy.query.QueryTransactions;
import dev.palisade.tenancy.session.TenantSession;

/**
 * The query language over the current tenant's documents of one collection: {@code id} (the primary key),
 * {@code version}, {@code createdAt}, {@code updatedAt} and paths into {@code data}; in id order unless asked
 * otherwise. A path a declared index holds is filtered and ordered by exactly the LEAKPROOF expression the index is
 * built on ({@code palisade_doc_text(d.data, '{email}')}), so PostgreSQL uses the index, as an index condition even
 * under row-level security; a number by its float8 key ({@code palisade_doc_number_key(d.data, '{total}')}, a loosened
 * bound) and then its exact value ({@code palisade_doc_number(d.data #> '{total}')}, the recheck). {@code include} of a declared
 * reference attaches the referenced documents, read in one more statement per page whatever its size.
 */
@ApplicationScoped
public class DocumentQueries {

    /** The order a document's members read in ({@code DocumentView}'s). */
    private static final List<String> MEMBERS = List.of("id", "data", "version", "createdAt", "updatedAt");

    private final dev.palisade.documents.collection.Collections collections;
    private final TenantSession session;
    private final QueryTransactions transactions;
    private final Map<String, Catalog> catalogs = new ConcurrentHashMap<>();

    DocumentQueries(dev.palisade.documents.collection.Collections collections, TenantSession session,
            QueryTransactions transactions) {
        this.collections = collections;
        this.session = session;
        this.transactions = transactions;
    }

    /** The fields of {@code collection}; an undeclared one is an {@code UnknownCollectionException}. */
    public Catalog catalog(String collection) {
        CollectionDeclaration declared = collections.require(collection);
        return catalogs.computeIfAbsent(declared.name(), name -> catalog(declared));
    }

    /** The condition outside every filter: the tenant's documents of the collection. */
    public Scope scope(String collection, TenantId tenant) {
        return Scope.of(where(collections.require(collection).name()), tenant.value());
    }

    /** The names {@code include} takes on {@code collection}: one per declared reference ({@link #includeName}). */
    public Set<String> includes(String collection) {
        Set<String> names = new LinkedHashSet<>();
        collections.require(collection).references().forEach(r -> names.add(includeName(r)));
        return names;
    }

    /**
     * A reference's name for {@code include}: its field without a trailing {@code Id} or {@code _id}
     * ({@code customerId} of {@code orders} is {@code include=customer}); the referenced document is attached under it.
     */
    public static String includeName(Reference reference) {
        String field = reference.field();
        for (String suffix : List.of("_id", "Id")) {
            if (field.endsWith(suffix) && field.length() > suffix.length()
                    && field.charAt(field.length() - suffix.length() - 1) != '.') {
                return field.substring(0, field.length() - suffix.length());
            }
        }
        return field;
    }

    /** One page of documents, each with the referenced documents {@code include} names (one statement each). */
    public Page page(String collection, Query query, Set<String> include) {
        Catalog catalog = catalog(collection);
        List<Reference> references = references(collection, include, query);
        return transactions.run((tenant, timeout) -> {
            Executor executor = new NativeExecutor(session.entityManager());
            Page page = QueryRunner.page(catalog, query, scope(collection, tenant), executor, timeout);
            List<Map<String, Object>> items = new ArrayList<>(page.items().stream().map(DocumentQueries::ordered)
                    .toList());
            for (Reference reference : references) {
                attach(items, reference, executor, tenant);
            }
            return new Page(items, page.next(), page.total());
        });
    }

    /** Groups of documents with their aggregates. */
    public Groups groups(String collection, Query query) {
        Catalog catalog = catalog(collection);
        return transactions.run((tenant, timeout) -> QueryRunner.groups(catalog, query, scope(collection, tenant),
                new NativeExecutor(session.entityManager()), timeout));
    }

    private static Catalog catalog(CollectionDeclaration declared) {
        Catalog catalog = Catalog.of(declared.name(), "documents d", "id")
                .with(Field.indexed("id", FieldType.TEXT, "d.id")).withJson("data", "d.data")
                .with(Field.of("version", FieldType.INTEGER, "d.version"))
                .with(Field.of("createdAt", FieldType.TIMESTAMP, "d.created_at"))
                .with(Field.of("updatedAt", FieldType.TIMESTAMP, "d.updated_at"))
                .forbid("tenantId", "tenant_id", "collection");
        Set<String> typed = new LinkedHashSet<>();
        for (DeclaredIndex index : declared.indexes()) {
            for (IndexField field : index.fields()) {
                // A path declared in two indexes has one type (the writes check both): the first declaration.
                if (typed.add(field.path())) {
                    catalog = field.type() == dev.palisade.documents.collection.FieldType.NUMBER
                            ? catalog.withPath("data." + field.path(), type(field), field.exactExpression("d.data"),
                                    field.sqlExpression("d.data"))
                            : catalog.withPath("data." + field.path(), type(field), field.sqlExpression("d.data"));
                }
            }
        }
        return catalog;
    }

    private static FieldType type(IndexField field) {
        return switch (field.type()) {
            case TEXT -> FieldType.TEXT;
            case NUMBER -> FieldType.NUMBER;
            case BOOLEAN -> FieldType.BOOLEAN;
            case TIMESTAMP -> FieldType.TIMESTAMP;
        };
    }

    /**
     * The tenant's rows of {@code collection}. The collection is a declared name (it matched
     * {@link CollectionsFile#NAME}), written as a literal as the declared indexes' own predicate
     * ({@code WHERE collection = 'orders'}) is: PostgreSQL uses a partial index only when it can prove the query's
     * condition implies the index's, which a bound parameter does not allow in a generic plan.
     */
    private static String where(String collection) {
        if (!CollectionsFile.NAME.matcher(collection).matches()) {
            throw new IllegalStateException("a declared collection's name matches " + CollectionsFile.NAME);
        }
        return "d.tenant_id = ? AND d.collection = '" + collection + "'";
    }

    private List<Reference> references(String collection, Set<String> include, Query query) {
        List<Reference> asked = new ArrayList<>();
        for (Reference reference : collections.require(collection).references()) {
            if (!include.contains(includeName(reference))) {
                continue;
            }
            String path = "data." + reference.field();
            boolean selected = query.select().isEmpty() || query.select().stream()
                    .anyMatch(s -> path.equals(s.strip()) || path.startsWith(s.strip() + "."));
            if (!selected) {
                throw QueryException.invalid("include", "follows " + path + ": add it to select, or drop include.");
            }
            collections.require(reference.collection());
            asked.add(reference);
        }
        return asked;
    }

    private static final String REFERENCED = """
            SELECT d.id, CAST(d.data AS text), d.version, d.created_at, d.updated_at
              FROM documents d
             WHERE %s AND d.id IN (%s)
            """;

    /** Attaches the documents {@code reference} names, read in one statement for the whole page. */
    private static void attach(List<Map<String, Object>> items, Reference reference, Executor executor,
            TenantId tenant) throws SQLException {
        String name = includeName(reference);
        List<String> path = List.of(("data." + reference.field()).split("\\."));
        Set<String> ids = new LinkedHashSet<>();
        items.forEach(item -> id(item, path).ifPresent(ids::add));
        Map<String, Map<String, Object>> found = new LinkedHashMap<>();
        if (!ids.isEmpty()) {
            List<Object> params = new ArrayList<>();
            params.add(tenant.value());
            params.addAll(ids);
            String sql = REFERENCED.formatted(where(reference.collection()),
                    String.join(", ", Collections.nCopies(ids.size(), "?")));
            for (Object[] row : executor.rows(new Statement(sql, params))) {
                Map<String, Object> document = new LinkedHashMap<>();
                document.put("id", row[0]);
                document.put("data", JsonText.of(row[1].toString()));
                document.put("version", FieldType.INTEGER.read(row[2]));
                document.put("createdAt", FieldType.TIMESTAMP.read(row[3]));
                document.put("updatedAt", FieldType.TIMESTAMP.read(row[4]));
                found.put((String) row[0], document);
            }
        }
        for (int i = 0; i < items.size(); i++) {
            Map<String, Object> with = new LinkedHashMap<>(items.get(i));
            with.put(name, id(items.get(i), path).map(found::get).orElse(null));
            items.set(i, with);
        }
    }

    /** The text at {@code path} of a row (whose JSON parts are maps of selected paths or JSON texts). */
    private static java.util.Optional<String> id(Map<String, Object> item, List<String> path) {
        Object at = item;
        for (String step : path) {
            if (at instanceof JsonText text) {
                at = text.tree();
            }
            if (at instanceof Map<?, ?> map) {
                at = map.get(step);
            } else if (at instanceof JsonNode node) {
                at = node.get(step);
            } else {
                return java.util.Optional.empty();
            }
        }
        if (at instanceof JsonText text) {
            at = text.tree();
        }
        return at instanceof JsonNode node && node.isTextual()
                ? java.util.Optional.of(node.textValue())
                : java.util.Optional.empty();
    }

    /** A row's members in a document's order. */
    private static Map<String, Object> ordered(Map<String, Object> row) {
        Map<String, Object> ordered = new LinkedHashMap<>();
        MEMBERS.stream().filter(row::containsKey).forEach(m -> ordered.put(m, row.get(m)));
        row.forEach(ordered::putIfAbsent);
        return ordered;
    }
}
