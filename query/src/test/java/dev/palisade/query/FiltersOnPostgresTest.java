package dev.palisade.query;

import static dev.palisade.query.Filters.and;
import static dev.palisade.query.Filters.eq;
import static dev.palisade.query.Filters.not;
import static dev.palisade.query.Filters.or;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.palisade.testing.TestDatabase;

/** Every operator and lookup, compiled and run against a real PostgreSQL. */
class FiltersOnPostgresTest {

    private static TestDatabase db;
    private static Connection c;

    @BeforeAll
    static void seed() throws SQLException {
        db = TestDatabase.provision();
        c = db.connect(db.superuser());
        Items.create(c);
    }

    @AfterAll
    static void drop() throws SQLException {
        c.close();
        db.close();
    }

    private static Set<String> where(String json) throws SQLException {
        return new TreeSet<>(Items.names(c, WhereParser.parse("where", json)));
    }

    private static Set<String> lookup(String key, String value) throws SQLException {
        return new TreeSet<>(Items.names(c, Lookups.parse(key, value)));
    }

    private static Set<String> set(String... names) {
        return new TreeSet<>(List.of(names));
    }

    @Test
    void jsonGrammarOperators() throws SQLException {
        assertEquals(set("apple"), where("{\"name\":\"apple\"}"));
        assertEquals(set("apple"), where("{\"name\":{\"equals\":\"apple\"}}"));
        assertEquals(set("Apricot", "banana", "100%_pure\\x", "100 pure"), where("{\"name\":{\"not\":\"apple\"}}"));
        assertEquals(set("apple", "banana"), where("{\"name\":{\"in\":[\"apple\",\"banana\",\"cherry\"]}}"));
        assertEquals(set("Apricot", "100%_pure\\x", "100 pure"),
                where("{\"name\":{\"notIn\":[\"apple\",\"banana\"]}}"));
        assertEquals(set("100%_pure\\x", "100 pure"), where("{\"qty\":{\"lt\":3}}"));
        assertEquals(set("apple", "100%_pure\\x", "100 pure"), where("{\"qty\":{\"lte\":3}}"));
        assertEquals(set("Apricot", "banana"), where("{\"qty\":{\"gt\":3}}"));
        assertEquals(set("apple", "Apricot", "banana"), where("{\"qty\":{\"gte\":3}}"));
        assertEquals(set("Apricot", "banana"), where("{\"qty\":{\"gt\":3,\"lte\":7}}"));
        assertEquals(set("banana"), where("{\"name\":{\"contains\":\"nan\"}}"));
        assertEquals(set("apple"), where("{\"name\":{\"startsWith\":\"ap\"}}"));
        assertEquals(set("apple", "Apricot"), where("{\"name\":{\"startsWith\":\"ap\",\"mode\":\"insensitive\"}}"));
        assertEquals(set("Apricot"), where("{\"name\":{\"endsWith\":\"COT\",\"mode\":\"insensitive\"}}"));
        assertEquals(set("apple"), where("{\"name\":{\"equals\":\"APPLE\",\"mode\":\"insensitive\"}}"));
        assertEquals(set(), where("{\"name\":{\"isNull\":true}}"));
        assertEquals(5, where("{\"name\":{\"isNull\":false}}").size());
        assertEquals(set("apple", "banana", "100%_pure\\x"), where("{\"active\":true}"));
        assertEquals(set("Apricot"), where("{\"price\":{\"gt\":2,\"lt\":3}}"));
        assertEquals(set("banana", "100%_pure\\x", "100 pure"),
                where("{\"createdAt\":{\"gte\":\"2026-01-03T00:00:00Z\"}}"));
        assertEquals(set("apple"), where("{\"id\":\"00000000-0000-0000-0000-000000000001\"}"));
    }

    @Test
    void andOrNot() throws SQLException {
        assertEquals(set("apple", "banana"), where("{\"OR\":[{\"name\":\"apple\"},{\"name\":\"banana\"}]}"));
        assertEquals(set("banana"), where("{\"AND\":[{\"qty\":7},{\"active\":true}]}"));
        assertEquals(set("Apricot", "100 pure"), where("{\"NOT\":{\"active\":true}}"));
        assertEquals(set("apple", "100%_pure\\x"),
                where("{\"active\":true,\"NOT\":[{\"name\":\"banana\"}],\"OR\":[{\"qty\":3},{\"qty\":1}]}"));
        assertEquals(set("Apricot"), where("{\"name\":{\"not\":{\"startsWith\":\"a\"}},\"qty\":7,\"active\":false}"));
        assertEquals(set(), where("{\"OR\":[]}"));
        assertEquals(5, where("{\"AND\":[]}").size());
    }

    @Test
    void djangoLookups() throws SQLException {
        assertEquals(set("apple"), lookup("name", "apple"));
        assertEquals(set("apple"), lookup("name__exact", "apple"));
        assertEquals(set("apple"), lookup("name__iexact", "APPLE"));
        assertEquals(set("banana"), lookup("name__contains", "nan"));
        assertEquals(set("banana"), lookup("name__icontains", "NAN"));
        assertEquals(set("apple"), lookup("name__startswith", "ap"));
        assertEquals(set("apple", "Apricot"), lookup("name__istartswith", "AP"));
        assertEquals(set("Apricot"), lookup("name__endswith", "cot"));
        assertEquals(set("Apricot"), lookup("name__iendswith", "COT"));
        assertEquals(set("Apricot", "banana"), lookup("qty__gt", "3"));
        assertEquals(set("apple", "Apricot", "banana"), lookup("qty__gte", "3"));
        assertEquals(set("100%_pure\\x", "100 pure"), lookup("qty__lt", "3"));
        assertEquals(set("apple", "100%_pure\\x", "100 pure"), lookup("qty__lte", "3"));
        assertEquals(set("apple", "banana"), lookup("name__in", "apple,banana"));
        assertEquals(set(), lookup("name__isnull", "true"));
        assertEquals(set("Apricot", "banana"), lookup("createdAt__range", "2026-01-02T00:00:00Z,2026-01-03T00:00:00Z"));
        assertEquals(set("apple", "banana"), where("{\"name__in\":[\"apple\",\"banana\"],\"qty__lte\":7}"));
    }

    @Test
    void jsonPaths() throws SQLException {
        assertEquals(set("apple", "banana"), lookup("data.status", "open"));
        assertEquals(set("apple", "banana", "100%_pure\\x"), lookup("data.status__iexact", "OPEN"));
        assertEquals(set("apple"), lookup("data.customer.country", "DE"));
        assertEquals(set("Apricot"), lookup("data.total__gt", "100"));
        assertEquals(set("apple", "Apricot"), lookup("data.total__gte", "100"));
        assertEquals(set("100 pure"), lookup("data.total__lt", "100"));
        assertEquals(set("apple", "100 pure"), lookup("data.total__in", "100,5"));
        assertEquals(set("apple", "Apricot"), lookup("data.total__range", "100,300"));
        // A number and the string "100" are different JSON values: where compares the string.
        assertEquals(set("apple"), where("{\"data.total\":100}"));
        assertEquals(set("banana"), where("{\"data.total\":\"100\"}"));
        assertEquals(set("banana", "100%_pure\\x", "100 pure"), lookup("data.customer__isnull", "true"));
        assertEquals(5, lookup("data.note__isnull", "true").size(), "a JSON null and a missing key are both null");
        assertEquals(4, lookup("data.status__isnull", "false").size());
        assertEquals(set("apple", "banana"), lookup("data.status__startswith", "op"));
        assertEquals(set("Apricot"), where("{\"data.status\":{\"contains\":\"los\"}}"));
        assertEquals(set("Apricot", "banana", "100%_pure\\x", "100 pure"), where("{\"data.total\":{\"not\":100}}"));
    }

    @Test
    void patternCharactersMatchLiterally() throws SQLException {
        assertEquals(set("100%_pure\\x"), lookup("name__contains", "%"));
        assertEquals(set("100%_pure\\x"), lookup("name__contains", "_"));
        assertEquals(set("100%_pure\\x"), lookup("name__endswith", "\\x"));
        assertEquals(set("100%_pure\\x"), lookup("name__startswith", "100%"));
        assertEquals(set(), lookup("name__startswith", "1_0"));
    }

    @Test
    void noFilterWidensTheScope() throws SQLException {
        // Tenant b's rows: the name 'bsecret', id ...b1, qty 99, total 100000. None may come back to tenant a.
        Filter widening = or(eq("name", "bsecret"), not(eq("name", "bsecret")), eq("qty", 99),
                eq("id", "00000000-0000-0000-0000-0000000000b1"), Filters.gt("data.total", 1000));
        List<String> found = Items.names(c, widening);
        assertEquals(5, found.size(), "only tenant a's five rows: " + found);
        assertEquals(set(), where("{\"OR\":[{\"name\":\"bsecret\"},{\"qty\":99}]}"));
        assertEquals(5, where("{\"NOT\":{\"name\":\"bsecret\"}}").size());
        assertEquals(7L,
                (long) QueryRunner.groups(Items.CATALOG, Query.all().groupBy(List.of(), List.of(), Filter.all()),
                        Scope.unscoped(), new JdbcExecutor(c), null).groups().get(0).get("_count"),
                "the unscoped count sees both tenants: the scope above is what holds them apart");
    }

    @Test
    void wrongTypesUnknownFieldsAndTenantColumnsAreRefused() {
        QueryException e = assertThrows(QueryException.class, () -> lookup("craetedAt__gte", "2026-01-01T00:00:00Z"));
        assertEquals("createdAt", e.suggestion());
        assertEquals(QueryException.Kind.UNKNOWN_FIELD, e.kind());
        e = assertThrows(QueryException.class, () -> lookup("name__startwith", "a"));
        assertEquals("startswith", e.suggestion());
        e = assertThrows(QueryException.class, () -> where("{\"name\":{\"startWith\":\"a\"}}"));
        assertEquals("startsWith", e.suggestion());
        e = assertThrows(QueryException.class, () -> lookup("qty__gt", "many"));
        assertEquals("qty", e.field());
        assertEquals("'qty' must be an integer; found 'many'.", e.getMessage());
        e = assertThrows(QueryException.class, () -> where("{\"createdAt\":5}"));
        assertEquals(QueryException.Kind.INVALID_VALUE, e.kind());
        e = assertThrows(QueryException.class, () -> where("{\"name\":42}"));
        assertEquals("'name' must be a string; found 42.", e.getMessage());
        assertThrows(QueryException.class, () -> lookup("qty__contains", "1"));
        for (String tenant : List.of("tenantId", "tenant_id")) {
            e = assertThrows(QueryException.class, () -> lookup(tenant, "b"));
            assertEquals(tenant, e.field());
            assertThrows(QueryException.class, () -> Items.page(c, Query.all().orderBy(Order.asc(tenant))));
            assertThrows(QueryException.class, () -> Items.page(c, Query.all().select(List.of(tenant))));
        }
        assertThrows(QueryException.class, () -> lookup("data.a'b", "x"));
    }

    @Test
    void depthAndClauseLimits() throws SQLException {
        String ten = "{\"name\":\"apple\"}";
        for (int i = 1; i < 10; i++) {
            ten = "{\"AND\":[" + ten + "]}";
        }
        assertEquals(set("apple"), where(ten), "ten levels are allowed");
        String eleven = "{\"AND\":[" + ten + "]}";
        QueryException deep = assertThrows(QueryException.class, () -> where(eleven));
        assertEquals(QueryException.Kind.TOO_COMPLEX, deep.kind());
        StringBuilder many = new StringBuilder("{\"OR\":[");
        for (int i = 0; i < 101; i++) {
            many.append(i == 0 ? "" : ",").append("{\"qty\":").append(i).append('}');
        }
        QueryException wide = assertThrows(QueryException.class, () -> where(many + "]}"));
        assertEquals(QueryException.Kind.TOO_COMPLEX, wide.kind());
    }
}
