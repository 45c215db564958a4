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

    /**
     * The LEAKPROOF expression the index leads with for this field, on the data column named {@code column}
     * ({@code d.data}): {@code palisade_doc_text(d.data, '{address,city}')}. What a query filters and orders by, so
     * that PostgreSQL matches it with the index (an alias does not change the expression) and, being LEAKPROOF, uses
     * it as an index condition under row-level security. For a number it is the float8 key
     * ({@code palisade_doc_number_key}), which {@link #exactExpression} follows in the index.
     */
    public String sqlExpression(String column) {
        return type.sqlFunction() + "(" + column + ", '" + pathLiteral() + "')";
    }

    /**
     * The field's exact value: the same as {@link #sqlExpression} but for a number, whose exact value is
     * {@code palisade_doc_number(d.data #> '{total}')} (numeric; schema 1.3.0): a query rechecks a number condition on
     * it, and the index holds it after the key, so that a unique index is unique on the exact number and an ordering
     * by the key then the exact value is served by the index alone.
     */
    public String exactExpression(String column) {
        return type == FieldType.NUMBER ? legacyExpression(column) : sqlExpression(column);
    }

    /** The index's columns for this field, in order: the expression, and for a number then its exact value. */
    public List<String> indexExpressions(String column) {
        return type == FieldType.NUMBER
                ? List.of(sqlExpression(column), exactExpression(column))
                : List.of(sqlExpression(column));
    }

    /**
     * The one expression declared indexes of schema 1.3.0 were built on ({@code palisade_doc_text(data #> '{email}')},
     * not LEAKPROOF): how the migration recognises an index to rebuild.
     */
    public String legacyExpression(String column) {
        return type.legacySqlFunction() + "(" + column + " #> '" + pathLiteral() + "')";
    }

    /** The path as a text-array literal. Steps match the collections file's pattern (letters, digits, {@code _}). */
    private String pathLiteral() {
        return "{" + String.join(",", steps()) + "}";
    }
}
