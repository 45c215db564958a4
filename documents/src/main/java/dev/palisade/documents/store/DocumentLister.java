package dev.palisade.documents.store;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import dev.palisade.query.JsonText;
import dev.palisade.query.Page;
import dev.palisade.query.Query;

/**
 * The Java API's list: a page of whole documents in id order, {@code after} the {@code next} of the previous page. It
 * is the query language's first question ({@link DocumentQueries}), so its cursor is the REST list's too.
 */
@ApplicationScoped
class DocumentLister {

    private final DocumentQueries queries;

    DocumentLister(DocumentQueries queries) {
        this.queries = queries;
    }

    /** {@code limit} defaults to the query language's ({@value Query#DEFAULT_LIMIT}) and is bounded by it. */
    DocumentPage page(String collection, Integer limit, String after) {
        Query query = Query.all().limit(limit == null ? Query.DEFAULT_LIMIT : limit).after(after);
        Page page = queries.page(collection, query, Set.of());
        return new DocumentPage(page.items().stream().map(DocumentLister::document).toList(), page.next());
    }

    private static Document document(Map<String, Object> row) {
        return new Document((String) row.get("id"), ((JsonText) row.get("data")).tree(), (Long) row.get("version"),
                (Instant) row.get("createdAt"), (Instant) row.get("updatedAt"));
    }
}
