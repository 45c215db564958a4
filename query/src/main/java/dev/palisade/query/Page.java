package dev.palisade.query;

import java.util.List;
import java.util.Map;

/**
 * One page of a query's rows: each row maps field names to values (JSON paths nest: {@code {"data":{"total":5}}});
 * {@code next} is the cursor of the following page, {@code null} on the last; {@code total} counts every match when
 * the query asked for it, else {@code null}.
 */
public record Page(List<Map<String, Object>> items, String next, Long total) {

    public Page {
        items = List.copyOf(items);
    }
}
