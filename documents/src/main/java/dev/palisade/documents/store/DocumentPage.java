package dev.palisade.documents.store;

import java.util.List;

/**
 * One page of a keyset list.
 *
 * @param items the documents, in id order
 * @param next the cursor of the next page ({@code after=}), or {@code null} on the last page
 */
public record DocumentPage(List<Document> items, String next) {

    public DocumentPage {
        items = List.copyOf(items);
    }
}
