package dev.palisade.api.documents;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import dev.palisade.documents.store.BulkItem;
import dev.palisade.documents.store.Precondition;
import dev.palisade.tenancy.InvalidFieldException;

/**
 * The body of a bulk write: {@code {"documents": [{"id"?, "data", "ifMatch"?, "ifNoneMatch"?}]}}; {@code ifMatch}
 * is a version, {@code ifNoneMatch: "*"} creates only.
 */
public record BulkBody(List<Item> documents) {

    public BulkBody {
        if (documents == null) {
            throw InvalidFieldException.of("documents", "is required: a list of {id?, data} upserts.");
        }
    }

    /** One upsert. */
    public record Item(String id, JsonNode data, Long ifMatch, String ifNoneMatch) {

        BulkItem toItem(int index) {
            if (ifNoneMatch != null && !ifNoneMatch.equals("*")) {
                throw InvalidFieldException.of("documents[" + index + "].ifNoneMatch", "must be \"*\" (create only).");
            }
            if (ifNoneMatch != null && ifMatch != null) {
                throw InvalidFieldException.of("documents[" + index + "].ifMatch",
                        "cannot go with ifNoneMatch; send one of them.");
            }
            Precondition precondition = ifNoneMatch != null
                    ? Precondition.absent()
                    : ifMatch != null ? Precondition.version(ifMatch) : Precondition.none();
            return new BulkItem(id, data, precondition);
        }
    }

    List<BulkItem> items() {
        return java.util.stream.IntStream.range(0, documents.size()).mapToObj(i -> documents.get(i).toItem(i))
                .toList();
    }
}
