package dev.palisade.documents.store;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.palisade.tenancy.InvalidFieldException;

/**
 * Lists a collection's documents by keyset: in id order, {@code after} an opaque cursor, served by the primary key
 * {@code (tenant_id, collection, id)}. The one place a list is built (the query language extends it here).
 */
@ApplicationScoped
class DocumentLister {

    private final DocumentRows rows;
    private final DocumentJson json;

    DocumentLister(DocumentRows rows, DocumentJson json) {
        this.rows = rows;
        this.json = json;
    }

    /** Requires the caller's transaction. */
    DocumentPage page(String collection, int limit, String after) {
        List<DocumentRow> found = rows.find("collection = ?1 and id > ?2 order by id", collection, decode(after))
                .range(0, limit).list();
        boolean more = found.size() > limit;
        List<DocumentRow> page = more ? found.subList(0, limit) : found;
        String next = more ? encode(page.get(page.size() - 1).id()) : null;
        return new DocumentPage(page.stream().map(r -> r.view(json)).toList(), next);
    }

    static String encode(String id) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("id:" + id).getBytes(StandardCharsets.UTF_8));
    }

    static String decode(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return "";
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (text.startsWith("id:") && DocumentRules.ID.matcher(text.substring(3)).matches()) {
                return text.substring(3);
            }
        } catch (IllegalArgumentException e) {
            // fall through
        }
        throw InvalidFieldException.of("after", "must be the 'next' cursor of an earlier page.");
    }
}
