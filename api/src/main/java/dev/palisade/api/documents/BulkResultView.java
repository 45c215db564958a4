package dev.palisade.api.documents;

import java.util.List;

/** The answer of a bulk write: one result per item, in request order. */
public record BulkResultView(List<Item> items) {

    /** What happened to one item: {@code created} or {@code replaced}, its id and new version. */
    public record Item(int index, String id, String status, long version) {
    }
}
