package dev.palisade.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The JSON grammar and the lookups parse to the model's records; mistakes name what is wrong. */
class WhereParserTest {

    @Test
    void scalarsOperatorsAndCombinatorsParseToRecords() {
        assertEquals(new Filter.Condition("slug", Op.EQUALS, List.of("a"), false),
                WhereParser.parse("where", "{\"slug\":\"a\"}"));
        Filter f = WhereParser.parse("where", "{\"name\":{\"startsWith\":\"Ac\",\"mode\":\"insensitive\"},"
                + "\"OR\":[{\"version\":{\"in\":[1,2]}}],\"NOT\":{\"total\":1.5}}");
        Filter.And and = assertInstanceOf(Filter.And.class, f);
        assertEquals(new Filter.Condition("name", Op.STARTS_WITH, List.of("Ac"), true), and.all().get(0));
        assertEquals(new Filter.Or(List.of(new Filter.Condition("version", Op.IN, List.of(1L, 2L), false))),
                and.all().get(1));
        assertEquals(new Filter.Not(new Filter.Condition("total", Op.EQUALS, List.of(new BigDecimal("1.5")), false)),
                and.all().get(2));
        assertEquals(Filter.all(), WhereParser.parse("where", "null"));
        assertEquals(new Filter.Condition("type", Op.IN, List.of("A", "B"), false),
                WhereParser.parse("where", "{\"type__in\":[\"A\",\"B\"]}"));
    }

    @Test
    void lookupsParseWithTheirValuesAsText() {
        assertEquals(new Filter.Condition("name", Op.STARTS_WITH, List.of(new QueryText("ac")), true),
                Lookups.parse("name__istartswith", "ac"));
        assertEquals(new Filter.Condition("createdAt", Op.RANGE, List.of(new QueryText("a"), new QueryText("b")),
                false), Lookups.parse("createdAt__range", "a,b"));
        assertEquals(new Filter.Condition("data.x", Op.IS_NULL, List.of(true), false),
                Lookups.parse("data.x__isnull", "true"));
        assertEquals(new BigDecimal("100"), Lookups.jsonValue(new QueryText("100")));
        assertEquals(Boolean.TRUE, Lookups.jsonValue(new QueryText("true")));
        assertEquals("01234", Lookups.jsonValue(new QueryText("01234")), "not a JSON number: a string");
    }

    @Test
    void mistakesAreNamedWithSuggestions() {
        QueryException e = assertThrows(QueryException.class, () -> Lookups.parse("name__icontain", "x"));
        assertEquals("icontains", e.suggestion());
        e = assertThrows(QueryException.class, () -> WhereParser.parse("where", "{\"a\":{\"notin\":[1]}}"));
        assertEquals("notIn", e.suggestion());
        e = assertThrows(QueryException.class, () -> WhereParser.parse("where", "[1]"));
        assertEquals("where", e.field());
        e = assertThrows(QueryException.class, () -> WhereParser.parse("where", "{\"a\":{\"mode\":\"loud\"}}"));
        assertEquals("a.mode", e.field());
        e = assertThrows(QueryException.class, () -> Lookups.parse("a__range", "1"));
        assertTrue(e.getMessage().contains("two values"), e.getMessage());
        e = assertThrows(QueryException.class, () -> Lookups.parse("a__isnull", "yes"));
        assertEquals("a__isnull", e.field());
        assertThrows(QueryException.class, () -> WhereParser.parse("where", "{\"a\":[1,2]}"));
        assertThrows(QueryException.class, () -> WhereParser.parse("where", "{\"a\":{\"in\":5}}"));
    }

    @Test
    void ordersParseAndCursorsAreOpaque() {
        assertEquals(Order.desc("createdAt"), Order.parse("-createdAt"));
        assertEquals(Order.asc("name"), Order.parse(" name "));
        String cursor = Cursor.encode(List.of(Order.asc("name"), Order.asc("id")), List.of("a", "b"));
        assertEquals(List.of("a", "b"), Cursor.decode(cursor, List.of(Order.asc("name"), Order.asc("id"))));
        assertThrows(QueryException.class, () -> Cursor.decode(cursor, List.of(Order.desc("name"), Order.asc("id"))));
        assertThrows(QueryException.class, () -> Cursor.decode("%%%", List.of(Order.asc("id"))));
    }

    @Test
    void theSqlHoldsNoValue() {
        Catalog c = Items.CATALOG;
        String evil = "x'); DROP TABLE items; --";
        Statement st = QueryRunner.pageStatement(c, Query.where(Filters.or(Filters.eq("name", evil),
                Filters.contains("data.note", evil), Filters.eq("data.total", evil))),
                Scope.of("i.tenant_id = ?", "a"));
        assertTrue(!st.sql().contains("DROP"), st.sql());
        assertTrue(st.parameters().contains(evil));
        assertTrue(st.sql().startsWith("SELECT") && st.sql().contains("WHERE (i.tenant_id = ?) AND ("), st.sql());
    }
}
