package dev.palisade.query;

import java.util.ArrayList;
import java.util.List;

/**
 * The condition "after the cursor's row" of an ordering. When every key runs the same way and none can be NULL it is
 * a row comparison {@code (a, id) > (?, ?)} (an index serves it as one range); otherwise
 * {@code k1 > v1 OR (k1 = v1 AND k2 < v2) OR ...}, where NULL is greater than every value ({@link Key}): ascending, the
 * rows after {@code v} are those above it and the NULLs, and nothing is after NULL but the tie-breaking keys;
 * descending, the rows after a NULL are every non-NULL one.
 */
final class Keyset {

    private Keyset() {
    }

    static String after(List<Order> order, List<Key> keys, List<String> cursor, List<Object> params) {
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            values.add(keys.get(i).value(cursor.get(i)));
        }
        boolean uniform = order.stream().allMatch(o -> o.descending() == order.get(0).descending());
        if (uniform && keys.stream().noneMatch(Key::nullable)) {
            StringBuilder left = new StringBuilder("(");
            StringBuilder right = new StringBuilder("(");
            for (int i = 0; i < keys.size(); i++) {
                left.append(i == 0 ? "" : ", ").append(keys.get(i).sql());
                right.append(i == 0 ? "" : ", ").append(keys.get(i).placeholder());
                params.add(values.get(i));
            }
            return left + ") " + (order.get(0).descending() ? "<" : ">") + " " + right + ")";
        }
        List<String> terms = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            boolean descending = order.get(i).descending();
            if (!descending && values.get(i) == null) {
                continue; // nothing sorts after NULL ascending: only the later keys can break the tie
            }
            StringBuilder term = new StringBuilder("(");
            for (int j = 0; j < i; j++) {
                term.append(equal(keys.get(j), values.get(j), params)).append(" AND ");
            }
            terms.add(term.append(beyond(keys.get(i), descending, values.get(i), params)).append(')').toString());
        }
        return terms.isEmpty() ? "FALSE" : String.join(" OR ", terms);
    }

    private static String equal(Key key, Object value, List<Object> params) {
        if (value == null) {
            return key.sql() + " IS NULL";
        }
        params.add(value);
        return key.sql() + " = " + key.placeholder();
    }

    /** Strictly after {@code value} in this key's direction. */
    private static String beyond(Key key, boolean descending, Object value, List<Object> params) {
        if (descending) {
            if (value == null) {
                return key.sql() + " IS NOT NULL";
            }
            params.add(value);
            return key.sql() + " < " + key.placeholder();
        }
        params.add(value);
        return key.nullable()
                ? "(" + key.sql() + " > " + key.placeholder() + " OR " + key.sql() + " IS NULL)"
                : key.sql() + " > " + key.placeholder();
    }
}
