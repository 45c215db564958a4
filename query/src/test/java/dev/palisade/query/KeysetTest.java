package dev.palisade.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The keyset condition of nullable keys, as SQL: NULL is greater than every value, in both directions. */
class KeysetTest {

    private static final Key ID = new Key("i.id", FieldType.TEXT, false);
    private static final Key TOTAL = new Key("t", FieldType.NUMBER, true);
    private static final Key JSON = Key.of(new Target("data.n", null, "i.data", List.of("n")));

    private static String after(List<Order> order, List<Key> keys, List<Object> params, String... cursor) {
        return Keyset.after(order, keys, Arrays.asList(cursor), params);
    }

    @Test
    void notNullKeysOneWayAreARowComparison() {
        List<Object> params = new ArrayList<>();
        assertEquals("(i.id) > (?)", after(List.of(Order.asc("id")), List.of(ID), params, "b"));
        assertEquals(List.of("b"), params);
    }

    @Test
    void ascendingAValueIsFollowedByGreaterValuesAndNulls() {
        List<Object> params = new ArrayList<>();
        assertEquals("((t > ? OR t IS NULL)) OR (t = ? AND i.id > ?)",
                after(List.of(Order.asc("total"), Order.asc("id")), List.of(TOTAL, ID), params, "5", "b"));
        assertEquals(3, params.size());
    }

    @Test
    void ascendingNothingFollowsNullButTheTieBreakers() {
        List<Object> params = new ArrayList<>();
        assertEquals("(t IS NULL AND i.id > ?)",
                after(List.of(Order.asc("total"), Order.asc("id")), List.of(TOTAL, ID), params, null, "b"));
        assertEquals(List.of("b"), params);
    }

    @Test
    void descendingNullIsFollowedByEveryValueAndAValueBySmallerOnes() {
        List<Object> params = new ArrayList<>();
        assertEquals("(t IS NOT NULL) OR (t IS NULL AND i.id < ?)",
                after(List.of(Order.desc("total"), Order.desc("id")), List.of(TOTAL, ID), params, null, "b"));
        params.clear();
        assertEquals("(t < ?) OR (t = ? AND i.id > ?)",
                after(List.of(Order.desc("total"), Order.asc("id")), List.of(TOTAL, ID), params, "5", "b"));
    }

    @Test
    void anUntypedPathComparesAsJsonbAndItsCursorValueMustBeJson() {
        List<Object> params = new ArrayList<>();
        String key = "nullif((i.data #> '{n}'), CAST('null' AS jsonb))";
        assertEquals("((" + key + " > CAST(? AS jsonb) OR " + key + " IS NULL)) OR (" + key
                + " = CAST(? AS jsonb) AND i.id > ?)",
                after(List.of(Order.asc("data.n"), Order.asc("id")), List.of(JSON, ID), params, "\"a\"", "b"));
        assertEquals(List.of("\"a\"", "\"a\"", "b"), params);
        assertThrows(QueryException.class, () -> after(List.of(Order.asc("data.n"), Order.asc("id")),
                List.of(JSON, ID), new ArrayList<>(), "{no", "b"));
        assertThrows(QueryException.class, () -> after(List.of(Order.asc("id")), List.of(ID), new ArrayList<>(),
                (String) null), "a NOT NULL key's cursor value is never null");
    }
}
