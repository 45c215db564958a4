package dev.palisade.documents.store;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.JsonNode;

import dev.palisade.documents.collection.CollectionDeclaration;
import dev.palisade.documents.collection.Collections;
import dev.palisade.documents.collection.Violation;
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

    Documents(Collections collections, DocumentRules rules, DocumentsConfig config, DocumentRows rows,
            DocumentJson json, DocumentLister lister, UniqueIndexes unique) {
        this.collections = collections;
        this.rules = rules;
        this.config = config;
        this.rows = rows;
        this.json = json;
        this.lister = lister;
        this.unique = unique;
    }

    /** Creates a document with a generated id. */
    @Transactional
    public Document create(String collection, JsonNode data) {
        CollectionDeclaration declared = collections.require(collection);
        rules.require(declared, data, "/data");
        DocumentRow row = new DocumentRow(collection, UUID.randomUUID().toString(), json.write(data), Rows.now());
        rows.persist(row);
        return new Staged(flushed(declared, row), true).written(rows, json).document();
    }

    /** Creates or replaces the document {@code id}, as {@code precondition} allows. */
    @Transactional
    public Written put(String collection, String id, JsonNode data, Precondition precondition) {
        CollectionDeclaration declared = collections.require(collection);
        DocumentRules.requireId(id);
        rules.require(declared, data, "/data");
        return upsert(declared, id, data, precondition, load(collection, id));
    }

    /** Applies a JSON Merge Patch (RFC 7396) to the data of document {@code id}. */
    @Transactional
    public Document patch(String collection, String id, JsonNode dataPatch, Precondition precondition) {
        CollectionDeclaration declared = collections.require(collection);
        DocumentRules.requireId(id);
        DocumentRow row = load(collection, id);
        if (row == null) {
            throw new NotFoundException("document", id);
        }
        check(id, row, precondition);
        JsonNode patched = MergePatch.apply(json.read(row.data()), dataPatch);
        rules.require(declared, patched, "/data");
        return upsert(declared, id, patched, Precondition.none(), row).document();
    }

    @Transactional
    public Optional<Document> find(String collection, String id) {
        collections.require(collection);
        DocumentRules.requireId(id);
        return Optional.ofNullable(load(collection, id)).map(r -> r.view(json));
    }

    @Transactional
    public void delete(String collection, String id, Precondition precondition) {
        collections.require(collection);
        DocumentRules.requireId(id);
        DocumentRow row = load(collection, id);
        if (row == null) {
            throw new NotFoundException("document", id);
        }
        check(id, row, precondition);
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
        Set<String> ids = new HashSet<>();
        List<String> resolved = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            BulkItem item = items.get(i);
            String at = "/documents/" + i;
            String id = item.id() == null ? UUID.randomUUID().toString() : item.id();
            if (!DocumentRules.ID.matcher(id).matches()) {
                violations.add(new Violation(at + "/id", "pattern", "a document id must match "
                        + DocumentRules.ID.pattern() + "."));
            } else if (!ids.add(id)) {
                violations.add(new Violation(at + "/id", "uniqueItems", "the id '" + id + "' appears twice in "
                        + "this bulk write; send each document once."));
            }
            resolved.add(id);
            rules.violations(declared, item.data()).forEach(v -> violations.add(v.under(at + "/data")));
        }
        if (!violations.isEmpty()) {
            throw new DocumentInvalidException(collection, violations);
        }
        Map<String, DocumentRow> existing = loadAll(collection, ids);
        List<Staged> staged = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            BulkItem item = items.get(i);
            String id = resolved.get(i);
            staged.add(stage(declared, id, item.data(), item.precondition(), existing.get(id)));
        }
        flush(declared);
        return staged.stream().map(st -> st.unread(json)).toList();
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

    private Written upsert(CollectionDeclaration declared, String id, JsonNode data, Precondition precondition,
            DocumentRow existing) {
        Staged staged = stage(declared, id, data, precondition, existing);
        flushed(declared, staged.row());
        return staged.written(rows, json);
    }

    /** A row persisted or changed in the session, not yet flushed. */
    private record Staged(DocumentRow row, boolean created) {

        /** The outcome, data read back as jsonb stored it, exactly as every later read returns it. */
        Written written(DocumentRows rows, DocumentJson json) {
            rows.getEntityManager().refresh(row);
            return new Written(row.view(json), created);
        }

        /** The outcome without reading the row back (bulk results carry ids and versions). */
        Written unread(DocumentJson json) {
            return new Written(row.view(json), created);
        }
    }

    private Staged stage(CollectionDeclaration declared, String id, JsonNode data, Precondition precondition,
            DocumentRow row) {
        if (row == null) {
            if (precondition.expectsVersion()) {
                throw new NotFoundException("document", id);
            }
            DocumentRow created = new DocumentRow(declared.name(), id, json.write(data), Rows.now());
            rows.persist(created);
            return new Staged(created, true);
        }
        if (precondition.mustNotExist()) {
            throw new DocumentExistsException(declared.name(), id, row.version());
        }
        check(id, row, precondition);
        if (!json.read(row.data()).equals(data)) {
            row.replace(json.write(data), Rows.now());
        }
        return new Staged(row, false);
    }

    private static void check(String id, DocumentRow row, Precondition precondition) {
        if (precondition.expectsVersion() && precondition.version() != row.version()) {
            throw new PreconditionFailedException("Document '" + id + "'", precondition.version(), row.version());
        }
    }

    private DocumentRow load(String collection, String id) {
        return rows.findById(new DocumentRow.Key(collection, id));
    }

    private Map<String, DocumentRow> loadAll(String collection, Set<String> ids) {
        return rows.stream("collection = ?1 and id in ?2", collection, ids)
                .collect(Collectors.toMap(DocumentRow::id, Function.identity()));
    }

    private DocumentRow flushed(CollectionDeclaration declared, DocumentRow row) {
        flush(declared);
        return row;
    }

    /** Flushes, turning a unique index's refusal into a 409 that names it (and a racing create into one too). */
    private void flush(CollectionDeclaration declared) {
        try {
            rows.flush();
        } catch (PersistenceException e) {
            unique.violated(declared, e).ifPresent(index -> {
                throw new UniqueViolationException(index);
            });
            if (Rows.violates(e, "documents_pk")) {
                throw new ConflictException("A document with this id was created concurrently; read it and retry.");
            }
            throw e;
        }
    }
}
