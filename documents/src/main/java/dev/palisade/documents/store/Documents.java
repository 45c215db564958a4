package dev.palisade.documents.store;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.JsonNode;

import dev.palisade.documents.collection.CollectionDeclaration;
import dev.palisade.documents.collection.Collections;
import dev.palisade.documents.collection.Violation;
import dev.palisade.documents.store.DocumentStatements.Outcome;
import dev.palisade.documents.store.DocumentStatements.Stored;
import dev.palisade.tenancy.ConflictException;
import dev.palisade.tenancy.InvalidFieldException;
import dev.palisade.tenancy.NotFoundException;
import dev.palisade.tenancy.PreconditionFailedException;
import dev.palisade.tenancy.session.Rows;

/**
 * The current tenant's documents, in declared collections. Another tenant's document is simply not found, even under
 * the same id. Every write is validated first ({@link DocumentRules}) and stores nothing on any error.
 */
@ApplicationScoped
public class Documents {

    private final Collections collections;
    private final DocumentRules rules;
    private final DocumentsConfig config;
    private final DocumentRows rows;
    private final DocumentJson json;
    private final DocumentLister lister;
    private final UniqueIndexes unique;
    private final DocumentStatements statements;

    Documents(Collections collections, DocumentRules rules, DocumentsConfig config, DocumentRows rows,
            DocumentJson json, DocumentLister lister, UniqueIndexes unique, DocumentStatements statements) {
        this.collections = collections;
        this.rules = rules;
        this.config = config;
        this.rows = rows;
        this.json = json;
        this.lister = lister;
        this.unique = unique;
        this.statements = statements;
    }

    /** Creates a document with a generated id. */
    @Transactional
    public Document create(String collection, JsonNode data) {
        CollectionDeclaration declared = collections.require(collection);
        String text = rules.require(declared, data, "/data");
        String id = UUID.randomUUID().toString();
        return document(write(declared, id, text, Precondition.absent()));
    }

    /** Creates or replaces the document {@code id}, as {@code precondition} allows. */
    @Transactional
    public Written put(String collection, String id, JsonNode data, Precondition precondition) {
        CollectionDeclaration declared = collections.require(collection);
        DocumentRules.requireId(id);
        String text = rules.require(declared, data, "/data");
        Stored stored = write(declared, id, text, precondition);
        return new Written(document(stored), stored.outcome() == Outcome.CREATED);
    }

    /** Applies a JSON Merge Patch (RFC 7396) to the data of document {@code id}. */
    @Transactional
    public Document patch(String collection, String id, JsonNode dataPatch, Precondition precondition) {
        CollectionDeclaration declared = collections.require(collection);
        DocumentRules.requireId(id);
        // Locked until the transaction ends, so the write below replaces exactly what was patched.
        Stored current = statements.find(collection, id, true)
                .orElseThrow(() -> new NotFoundException("document", id));
        check(id, current.version(), precondition);
        JsonNode patched = MergePatch.apply(json.read(current.data()), dataPatch);
        String text = rules.require(declared, patched, "/data");
        return document(write(declared, id, text, Precondition.version(current.version())));
    }

    @Transactional
    public Optional<Document> find(String collection, String id) {
        collections.require(collection);
        DocumentRules.requireId(id);
        return statements.find(collection, id, false).map(this::document);
    }

    @Transactional
    public void delete(String collection, String id, Precondition precondition) {
        collections.require(collection);
        DocumentRules.requireId(id);
        DocumentRow row = rows.findById(new DocumentRow.Key(collection, id));
        if (row == null) {
            throw new NotFoundException("document", id);
        }
        check(id, row.version(), precondition);
        rows.delete(row);
    }

    /**
     * One page of the collection, in id order, {@code after} the {@code next} of the previous page; {@code limit} is
     * the query language's (50 when {@code null}, at most 1,000). {@link DocumentQueries} asks any other question.
     */
    @Transactional
    public DocumentPage list(String collection, Integer limit, String after) {
        return lister.page(collection, limit, after);
    }

    /**
     * Upserts up to {@code palisade.documents.max-bulk} documents atomically: every item is checked before anything
     * is written, and any failure (an invalid item, a precondition, a unique index) stores none of them.
     */
    @Transactional
    public List<Written> bulk(String collection, List<BulkItem> items) {
        CollectionDeclaration declared = collections.require(collection);
        if (items == null || items.isEmpty() || items.size() > config.maxBulk()) {
            throw InvalidFieldException.of("documents", "must hold 1 to " + config.maxBulk() + " documents; found "
                    + (items == null ? 0 : items.size()) + ".");
        }
        List<Violation> violations = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<String> ids = new ArrayList<>(items.size());
        List<String> texts = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            BulkItem item = items.get(i);
            String at = "/documents/" + i;
            String id = item.id() == null ? UUID.randomUUID().toString() : item.id();
            if (!DocumentRules.ID.matcher(id).matches()) {
                violations.add(new Violation(at + "/id", "pattern", "a document id must match "
                        + DocumentRules.ID.pattern() + "."));
            } else if (!seen.add(id)) {
                violations.add(new Violation(at + "/id", "uniqueItems", "the id '" + id + "' appears twice in "
                        + "this bulk write; send each document once."));
            }
            ids.add(id);
            JsonNode data = item.data();
            String text = data == null || !data.isObject() ? null : json.write(data);
            texts.add(text);
            rules.violations(declared, data, text).forEach(v -> violations.add(v.under(at + "/data")));
        }
        if (!violations.isEmpty()) {
            throw new DocumentInvalidException(collection, violations);
        }
        checkAll(collection, items, ids);
        Map<String, Stored> stored = writing(declared, () -> statements.writeAll(collection, ids, texts, Rows.now()));
        List<Written> written = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            Stored row = stored.get(ids.get(i));
            if (row == null || items.get(i).precondition().mustNotExist() && row.outcome() != Outcome.CREATED) {
                // Created by a transaction that committed after checkAll looked (and this statement began).
                throw new ConflictException("Document '" + ids.get(i) + "' was created concurrently; read it and "
                        + "retry.");
            }
            written.add(new Written(new Document(row.id(), items.get(i).data(), row.version(), row.createdAt(),
                    row.updatedAt()), row.outcome() == Outcome.CREATED));
        }
        return written;
    }

    /** This tenant's number of documents in each declared collection (0 for an empty one). */
    @Transactional
    public Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        collections.all().forEach(c -> counts.put(c.name(), 0L));
        rows.getEntityManager()
                .createQuery("select collection, count(*) from DocumentRow group by collection", Object[].class)
                .getResultList().forEach(row -> counts.computeIfPresent((String) row[0], (k, v) -> (Long) row[1]));
        return counts;
    }

    /**
     * One write of {@code id}, as {@code precondition} allows; otherwise the 404 or 412 it calls for, or a 409 naming
     * a unique index.
     */
    private Stored write(CollectionDeclaration declared, String id, String text, Precondition precondition) {
        String collection = declared.name();
        Stored stored = writing(declared, () -> statements.write(collection, id, text, Rows.now(),
                precondition.mustNotExist(), precondition.version())).orElse(null);
        if (stored == null) {
            if (precondition.expectsVersion()) {
                throw new NotFoundException("document", id);
            }
            throw new ConflictException("Document '" + id + "' was created concurrently; read it and retry.");
        }
        if (precondition.mustNotExist() && stored.outcome() != Outcome.CREATED) {
            throw new DocumentExistsException(collection, id, stored.version());
        }
        if (stored.outcome() == Outcome.FOUND) {
            check(id, stored.version(), precondition);
        }
        return stored;
    }

    /** The items' preconditions, against their documents locked until the write. */
    private void checkAll(String collection, List<BulkItem> items, List<String> ids) {
        List<String> conditional = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Precondition p = items.get(i).precondition();
            if (p.mustNotExist() || p.expectsVersion()) {
                conditional.add(ids.get(i));
            }
        }
        if (conditional.isEmpty()) {
            return;
        }
        Map<String, Long> versions = statements.lockVersions(collection, conditional);
        for (int i = 0; i < items.size(); i++) {
            Precondition p = items.get(i).precondition();
            String id = ids.get(i);
            Long version = versions.get(id);
            if (p.mustNotExist() && version != null) {
                throw new DocumentExistsException(collection, id, version);
            }
            if (p.expectsVersion() && version == null) {
                throw new NotFoundException("document", id);
            }
            if (p.expectsVersion()) {
                check(id, version, p);
            }
        }
    }

    private static void check(String id, long version, Precondition precondition) {
        if (precondition.expectsVersion() && precondition.version() != version) {
            throw new PreconditionFailedException("Document '" + id + "'", precondition.version(), version);
        }
    }

    private Document document(Stored stored) {
        return new Document(stored.id(), json.read(stored.data()), stored.version(), stored.createdAt(),
                stored.updatedAt());
    }

    /**
     * Runs a write, turning a unique index's refusal into a 409 that names it. (The primary key never refuses one:
     * every insert says {@code ON CONFLICT (tenant_id, collection, id)}.)
     */
    private <T> T writing(CollectionDeclaration declared, Supplier<T> write) {
        try {
            return write.get();
        } catch (PersistenceException e) {
            unique.violated(declared, e).ifPresent(index -> {
                throw new UniqueViolationException(index);
            });
            throw e;
        }
    }
}
