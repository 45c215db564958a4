package dev.palisade.query;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A test collection on a real PostgreSQL: typed columns of every type, a JSON column, two tenants. */
final class Items {

    static final Catalog CATALOG = Catalog.of("items", "items i", "id")
            .with(Field.indexed("id", FieldType.UUID, "i.id")).with(Field.indexed("name", FieldType.TEXT, "i.name"))
            .with(Field.of("qty", FieldType.INTEGER, "i.qty")).with(Field.of("price", FieldType.NUMBER, "i.price"))
            .with(Field.of("active", FieldType.BOOLEAN, "i.active"))
            .with(Field.indexed("createdAt", FieldType.TIMESTAMP, "i.created_at")).withJson("data", "i.data")
            .forbid("tenantId", "tenant_id").defaultOrder(Order.asc("name"));

    static final String DDL = """
            CREATE TABLE items (tenant_id text NOT NULL, id uuid NOT NULL, name text NOT NULL, qty bigint NOT NULL,
                price numeric NOT NULL, active boolean NOT NULL, created_at timestamptz NOT NULL, data jsonb NOT NULL,
                PRIMARY KEY (tenant_id, id));
            CREATE INDEX items_name_ix ON items (tenant_id, name);
            CREATE INDEX items_created_ix ON items (tenant_id, created_at);
            """;

    static final String SEED = """
            INSERT INTO items VALUES
             ('a', '00000000-0000-0000-0000-000000000001', 'apple',    3, 1.50, true,  '2026-01-01T00:00:00Z',
              '{"status":"open","total":100,"customer":{"country":"DE"},"tags":["x"]}'),
             ('a', '00000000-0000-0000-0000-000000000002', 'Apricot',  7, 2.25, false, '2026-01-02T00:00:00Z',
              '{"status":"closed","total":250.5,"customer":{"country":"FR"}}'),
             ('a', '00000000-0000-0000-0000-000000000003', 'banana',   7, 0.99, true,  '2026-01-03T00:00:00Z',
              '{"status":"open","total":"100","note":null}'),
             ('a', '00000000-0000-0000-0000-000000000004', '100%_pure\\x', 1, 9.00, true, '2026-01-04T00:00:00Z',
              '{"status":"OPEN"}'),
             ('a', '00000000-0000-0000-0000-000000000005', '100 pure', 2, 9.00, false, '2026-01-04T00:00:00Z',
              '{"total":5}'),
             ('b', '00000000-0000-0000-0000-0000000000b1', 'apple',   99, 1.00, true,  '2026-01-01T00:00:00Z',
              '{"status":"open","total":100}'),
             ('b', '00000000-0000-0000-0000-0000000000b2', 'bsecret', 99, 1.00, true,  '2026-01-01T00:00:00Z',
              '{"status":"open","total":100000}');
            """;

    static final Scope TENANT_A = Scope.of("i.tenant_id = ?", "a");

    private Items() {
    }

    static void create(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(DDL);
            st.execute(SEED);
        }
    }

    static Page page(Connection c, Query q) throws SQLException {
        return QueryRunner.page(CATALOG, q, TENANT_A, new JdbcExecutor(c), Duration.ofSeconds(5));
    }

    static List<String> names(Connection c, Query q) throws SQLException {
        return page(c, q).items().stream().map(r -> (String) r.get("name")).toList();
    }

    static List<String> names(Connection c, Filter f) throws SQLException {
        return names(c, Query.where(f).limit(1000));
    }

    static List<Map<String, Object>> groups(Connection c, Query q) throws SQLException {
        return QueryRunner.groups(CATALOG, q, TENANT_A, new JdbcExecutor(c), Duration.ofSeconds(5)).groups();
    }
}
