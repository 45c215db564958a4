package dev.palisade.documents.collection;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One field of a declared index: a dotted path into a document's data ({@code address.city}) and its type.
 *
 * @param path the dotted path, each step a JSON object key
 * @param type what the field holds
 */
public record IndexField(String path, FieldType type) {

    /** The path's steps. */
    public List<String> steps() {
        return List.of(path.split("\\.", -1));
    }

    /** The JSON pointer of this field inside a document's data ({@code /address/city}). */
    public String pointer() {
        return "/" + String.join("/", steps().stream().map(s -> s.replace("~", "~0").replace("/", "~1")).toList());
    }

    /** The value {@code data} holds at this path, or a missing node. */
    public JsonNode valueIn(JsonNode data) {
        return data.at(pointer());
    }

    /** The SQL expression the index is built on: {@code palisade_doc_text(data #> '{address,city}')}. */
    public String sqlExpression() {
        return sqlExpression("data");
    }

    /**
     * The same expression on the data column named {@code column} ({@code d.data}): what a query filters and orders
     * by so that PostgreSQL matches it with the index (an alias does not change the expression).
     */
    public String sqlExpression(String column) {
        return type.sqlFunction() + "(" + column + " #> '{" + String.join(",", steps()) + "}')";
    }
}
