package dev.palisade.query;

import java.util.Objects;

/**
 * A value as a query string carries it: text, typed by the field it is compared with. A typed field parses it
 * ({@code "100"} for an integer); on a JSON path it is a JSON number or boolean when it reads as one, else a string.
 */
public record QueryText(String text) {

    public QueryText {
        Objects.requireNonNull(text, "text");
    }

    @Override
    public String toString() {
        return text;
    }
}
