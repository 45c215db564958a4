package dev.palisade.api.documents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import dev.palisade.documents.collection.FieldType;
import dev.palisade.query.Float8Key;
import dev.palisade.testing.PostgresTestResource;
import dev.palisade.testing.TestSql;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The LEAKPROOF extractors of {@code deploy/postgres/document-extractors.sql} and their Java side agree, and never
 * raise an error: {@link FieldType#accepts} admits exactly the values the extractor of its type turns into a value (so
 * an indexed path never holds a value its index sees as NULL), and {@link Float8Key} computes exactly the key
 * {@code palisade_doc_number_key} does (a query's loosened bound rests on it). Run as the service role over adversarial
 * inputs; one error would fail the whole statement. The operators a query compares the extractors with are LEAKPROOF
 * too, or no condition on them could be an index condition under row-level security.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class DocumentIndexTypesTest {

    private static final ObjectMapper JSON = new ObjectMapper()
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

    @Test
    void extractorsAreLeakproofAndSoAreTheOperatorsQueriesUse() throws Exception {
        List<String> notLeakproof = new ArrayList<>();
        try (Connection c = TestSql.app(); PreparedStatement st = c.prepareStatement("""
                SELECT p.oid::regprocedure::text, p.proleakproof FROM pg_proc p
                 WHERE p.oid IN (to_regprocedure('palisade_doc_text(jsonb,text[])'),
                                 to_regprocedure('palisade_doc_boolean(jsonb,text[])'),
                                 to_regprocedure('palisade_doc_number_key(jsonb,text[])'),
                                 to_regprocedure('palisade_doc_timestamp(jsonb,text[])'))
                UNION ALL
                SELECT o.oprcode::regprocedure::text, p.proleakproof
                  FROM pg_operator o JOIN pg_proc p ON p.oid = o.oprcode
                 WHERE o.oprname IN ('=', '<', '<=', '>', '>=') AND o.oprleft = o.oprright
                   AND o.oprleft IN ('text'::regtype, 'float8'::regtype, 'bool'::regtype, 'timestamptz'::regtype)
                """); ResultSet rs = st.executeQuery()) {
            int seen = 0;
            while (rs.next()) {
                seen++;
                if (!rs.getBoolean(2)) {
                    notLeakproof.add(rs.getString(1));
                }
            }
            assertEquals(4 + 4 * 5, seen, "four extractors and five comparisons of each of four types");
        }
        assertEquals(List.of(), notLeakproof, "not LEAKPROOF");
    }

    @Test
    void timestampsAgreeAndNoneRaisesAnError() throws Exception {
        List<String> candidates = new ArrayList<>();
        String[] times = {"T00:00:00Z", "t23:59:59.999999z", " 12:30:00+15:59", "T00:00:00-15:59", "T24:00:00Z",
                "T23:60:00Z", "T23:59:60Z", "T00:00:00+16:00", "T00:00:00+99:00", "T00:00:00.1234567Z", "T00:00:00",
                "T00:00:00+0100"};
        for (String year : List.of("0000", "0001", "1899", "1900", "2000", "2023", "2024", "2100", "9999")) {
            for (int month = 0; month <= 13; month++) {
                for (int day = 0; day <= 32; day++) {
                    for (String time : times) {
                        candidates.add("%s-%02d-%02d%s".formatted(year, month, day, time));
                    }
                }
            }
        }
        candidates.addAll(List.of("", "2026-01-01", "2026-1-01T00:00:00Z", "x2026-01-01T00:00:00Z",
                "2026-01-01T00:00:00Z\n", "٢٠٢٦-01-01T00:00:00Z", "+12026-01-01T00:00:00Z"));
        int accepted = 0;
        try (Connection c = TestSql.app(); PreparedStatement st = c.prepareStatement("""
                SELECT s, palisade_doc_timestamp(jsonb_build_object('v', s), '{v}')
                  FROM unnest(?::text[]) WITH ORDINALITY AS u(s, n) ORDER BY n""")) {
            st.setArray(1, c.createArrayOf("text", candidates.toArray()));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    String s = rs.getString(1);
                    OffsetDateTime sql = rs.getObject(2, OffsetDateTime.class);
                    boolean java = FieldType.TIMESTAMP.accepts(JSON.getNodeFactory().textNode(s));
                    assertEquals(java, sql != null, "Java and SQL disagree on '" + s + "'");
                    if (sql != null) {
                        accepted++;
                        OffsetDateTime parsed = OffsetDateTime.parse(s.replace(' ', 'T').replace('t', 'T')
                                .replace('z', 'Z'));
                        assertEquals(parsed.toInstant(), sql.toInstant(), s);
                    }
                }
            }
        }
        assertTrue(accepted > 10_000, "most well-formed candidates are timestamps: " + accepted);
    }

    @Test
    void numberKeysAgreeAndNoneRaisesAnError() throws Exception {
        List<BigDecimal> numbers = new ArrayList<>(List.of(new BigDecimal("1e400"), new BigDecimal("-1e400"),
                new BigDecimal("1e-400"), new BigDecimal("-1e-400"), new BigDecimal("2.4703282292062327e-324"),
                new BigDecimal("2.4703282292062328e-324"),
                new BigDecimal("2.47032822920623275e-324"), new BigDecimal("4.9406564584124654e-324"),
                new BigDecimal("1e-310"), new BigDecimal("1.7976931348623157e308"),
                new BigDecimal("1.7976931348623158e308"), new BigDecimal("-1.7976931348623157e308"),
                new BigDecimal("100.00000000000000001"), new BigDecimal("100"), new BigDecimal("0.1"),
                new BigDecimal("9007199254740993"), BigDecimal.ZERO, new BigDecimal("-0.0")));
        Random random = new Random(13);
        for (int i = 0; i < 3000; i++) {
            BigDecimal unscaled = new BigDecimal(random.nextLong()).multiply(new BigDecimal(random.nextLong()));
            numbers.add(unscaled.scaleByPowerOfTen(random.nextInt(700) - 350));
        }
        try (Connection c = TestSql.app(); PreparedStatement st = c.prepareStatement("""
                SELECT palisade_doc_number_key(jsonb_build_object('v', n), '{v}')
                  FROM unnest(?::numeric[]) WITH ORDINALITY AS u(n, i) ORDER BY i""")) {
            st.setArray(1, c.createArrayOf("numeric", numbers.toArray()));
            try (ResultSet rs = st.executeQuery()) {
                for (BigDecimal n : numbers) {
                    assertTrue(rs.next());
                    double sql = rs.getDouble(1);
                    assertEquals(Float8Key.of(n), sql, 0.0, "the key of " + n);
                }
            }
        }
        List<BigDecimal> sorted = numbers.stream().sorted().toList();
        for (int i = 1; i < sorted.size(); i++) {
            assertTrue(Float8Key.of(sorted.get(i - 1)) <= Float8Key.of(sorted.get(i)), "monotone at " + sorted.get(i));
        }
    }

    @Test
    void textBooleanAndNumberPathsAgreeOnEveryJsonType() throws Exception {
        List<String> documents = List.of("{\"v\": \"text\"}", "{\"v\": 12.5}", "{\"v\": true}", "{\"v\": false}",
                "{\"v\": null}", "{\"v\": [1, \"a\"]}", "{\"v\": {\"w\": 1}}", "{}", "{\"v\": \"\"}");
        for (String path : List.of("{v}", "{v,0}", "{v,w}", "{v,x,y}")) {
            try (Connection c = TestSql.app(); PreparedStatement st = c.prepareStatement("""
                    SELECT d, palisade_doc_text(d::jsonb, ?::text[]), palisade_doc_boolean(d::jsonb, ?::text[]),
                           palisade_doc_number_key(d::jsonb, ?::text[]), palisade_doc_timestamp(d::jsonb, ?::text[]),
                           palisade_doc_text(d::jsonb, ARRAY[NULL]::text[])
                      FROM unnest(?::text[]) WITH ORDINALITY AS u(d, i) ORDER BY i""")) {
                for (int i = 1; i <= 4; i++) {
                    st.setString(i, path);
                }
                st.setArray(5, c.createArrayOf("text", documents.toArray()));
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        JsonNode value = JSON.readTree(rs.getString(1))
                                .at("/" + String.join("/", path.substring(1, path.length() - 1).split(",")));
                        String where = rs.getString(1) + " at " + path;
                        boolean present = !value.isMissingNode() && !value.isNull();
                        assertEquals(present && FieldType.TEXT.accepts(value), rs.getString(2) != null, where);
                        if (rs.getString(2) != null) {
                            assertEquals(value.textValue(), rs.getString(2), where);
                        }
                        rs.getBoolean(3);
                        assertEquals(present && FieldType.BOOLEAN.accepts(value), !rs.wasNull(), where);
                        if (!rs.wasNull()) {
                            assertEquals(value.booleanValue(), rs.getBoolean(3), where);
                        }
                        double key = rs.getDouble(4);
                        assertEquals(present && FieldType.NUMBER.accepts(value), !rs.wasNull(), where);
                        if (!rs.wasNull()) {
                            assertEquals(Float8Key.of(value.decimalValue()), key, 0.0, where);
                        }
                        assertEquals(null, rs.getObject(6), "a NULL path step finds nothing");
                    }
                }
            }
        }
    }
}
