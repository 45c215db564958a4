package dev.palisade.query;

import java.util.List;

/**
 * SQL with {@code ?} placeholders and the values bound to them, in order. No value is ever part of the text.
 */
public record Statement(String sql, List<Object> parameters) {

    public Statement {
        parameters = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(parameters));
    }

    /**
     * The text with numbered placeholders ({@code ?1}, {@code ?2}...), as JPA native queries take them. The compiler
     * writes no {@code ?} but its placeholders (JSON paths are letters, digits, {@code _} and {@code -}).
     */
    public String numbered() {
        StringBuilder out = new StringBuilder(sql.length() + 16);
        int n = 0;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            out.append(c);
            if (c == '?') {
                out.append(++n);
            }
        }
        return out.toString();
    }
}
