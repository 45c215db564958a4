package dev.palisade.documents.collection;

/**
 * One way a document breaks its collection's rules.
 *
 * @param pointer the JSON pointer (RFC 6901) of the offending value inside the request body, {@code ""} for all of it
 * @param rule the rule broken: a JSON Schema keyword ({@code required}, {@code type}, {@code format}...) or a
 *        platform limit ({@code maxSize}, {@code maxDepth}, {@code indexType})
 * @param message what was expected and what was found
 */
public record Violation(String pointer, String rule, String message) {

    /** This violation, its pointer moved under {@code prefix} ({@code /data} or {@code /documents/3/data}). */
    public Violation under(String prefix) {
        return new Violation(prefix + pointer, rule, message);
    }
}
