package dev.palisade.query;

import java.util.List;

/**
 * SQL with {@code ?} placeholders and the values bound to them, in order. No value is ever part of the text.
 */
public record Statement(String sql, List<Object> parameters) {

    public Statement {
        parameters = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(parameters));
    }
}
