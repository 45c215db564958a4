package dev.palisade.documents.store;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import dev.palisade.documents.collection.CollectionDeclaration;
import dev.palisade.documents.collection.Collections;
import dev.palisade.documents.collection.DeclaredIndex;
import dev.palisade.documents.collection.IndexField;
import dev.palisade.documents.collection.SchemaCheck;
import dev.palisade.documents.collection.Violation;
import dev.palisade.tenancy.InvalidFieldException;
import dev.palisade.tenancy.Storable;

/**
 * What a document must be to be stored: a JSON object within the size and depth limits, every key, string and number
 * {@link Storable storable}, conforming to its collection's schema, and of the declared type at every indexed path.
 * Every violation is reported, not just the first.
 */
@ApplicationScoped
public class DocumentRules {

    /** What a client-chosen document id must match: URL-safe, at most 128 characters. */
    public static final Pattern ID = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._~-]{0,127}$");

    private final Collections collections;
    private final DocumentsConfig config;
    private final DocumentJson json;

    DocumentRules(Collections collections, DocumentsConfig config, DocumentJson json) {
        this.collections = collections;
        this.config = config;
        this.json = json;
    }

    /** Refuses an id that does not match {@link #ID}. */
    public static String requireId(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw InvalidFieldException.of("id", "must match " + ID.pattern() + " (letters, digits and . _ ~ -, "
                    + "at most 128); found " + Storable.describe(id) + ".");
        }
        return id;
    }

    /** Every violation of {@code data}, empty when it may be stored; pointers are relative to the data. */
    public List<Violation> violations(CollectionDeclaration collection, JsonNode data) {
        return violations(collection, data, data == null || !data.isObject() ? null : json.write(data));
    }

    /**
     * The same, for {@code data} already written as {@code text} (its compact JSON, {@link DocumentJson#write}): the
     * text that is measured is the text that is stored, and it is written once.
     */
    List<Violation> violations(CollectionDeclaration collection, JsonNode data, String text) {
        if (data == null || !data.isObject()) {
            return List.of(new Violation("", "type", "a document's data must be a JSON object; found "
                    + (data == null ? "nothing" : data.getNodeType().toString().toLowerCase()) + "."));
        }
        long size = text.getBytes(StandardCharsets.UTF_8).length;
        if (size > config.maxSize().asLongValue()) {
            return List.of(new Violation("", "maxSize", "the document is " + size + " bytes of JSON; at most "
                    + config.maxSize().asLongValue() + " are allowed (palisade.documents.max-size)."));
        }
        int depth = depth(data);
        if (depth > config.maxDepth()) {
            return List.of(new Violation("", "maxDepth", "the document nests " + depth + " levels deep; at most "
                    + config.maxDepth() + " are allowed (palisade.documents.max-depth)."));
        }
        List<Violation> found = new ArrayList<>();
        Storable.flaw(data).ifPresent(flaw -> found.add(new Violation(pointer(flaw.path()), "storable",
                "the value " + flaw.reason())));
        SchemaCheck schema = collections.schema(collection);
        if (schema != null) {
            found.addAll(schema.validate(data));
        }
        for (DeclaredIndex index : collection.indexes()) {
            for (IndexField field : index.fields()) {
                JsonNode value = field.valueIn(data);
                if (!field.type().accepts(value)) {
                    found.add(new Violation(field.pointer(), "indexType", "index '" + index.name() + "' holds this "
                            + "field as " + field.type().label() + (field.type().label().equals("timestamp")
                                    ? " (RFC 3339 with an offset, like 2026-01-31T12:00:00Z)"
                                    : "")
                            + "; found " + value.getNodeType().toString().toLowerCase() + "."));
                }
            }
        }
        return found.stream().distinct().toList();
    }

    /**
     * Refuses {@code data} with every violation, their pointers under {@code prefix} ({@code /data}); otherwise returns
     * it as the compact JSON text to store.
     */
    public String require(CollectionDeclaration collection, JsonNode data, String prefix) {
        String text = data == null || !data.isObject() ? null : json.write(data);
        List<Violation> found = violations(collection, data, text);
        if (!found.isEmpty()) {
            throw new DocumentInvalidException(collection.name(),
                    found.stream().map(v -> v.under(prefix)).toList());
        }
        return text;
    }

    private static int depth(JsonNode node) {
        int deepest = 0;
        for (Iterator<JsonNode> it = node.elements(); it.hasNext();) {
            JsonNode child = it.next();
            if (child.isContainerNode()) {
                deepest = Math.max(deepest, depth(child));
            }
        }
        return deepest + 1;
    }

    /** Storable's path ({@code .a[0] (a key)}) as a JSON pointer ({@code /a/0}). */
    private static String pointer(String path) {
        String steps = path.replace(Storable.A_KEY, "");
        return steps.replaceAll("\\[(\\d+)\\]", ".$1").replace(".", "/");
    }
}
