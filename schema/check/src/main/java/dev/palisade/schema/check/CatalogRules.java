package dev.palisade.schema.check;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules checked on the catalog of a migrated database: what the changelog really built, whatever way it was
 * written. A tenant table is any table outside PostgreSQL's own schemas with a {@code tenant_id} column.
 */
final class CatalogRules {

    private static final String TENANT_TABLES = """
            SELECT t.oid FROM pg_class t JOIN pg_namespace n ON n.oid = t.relnamespace
             WHERE t.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema')
               AND n.nspname NOT LIKE 'pg\\_%'
               AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = t.oid AND a.attname = 'tenant_id'
                                                         AND NOT a.attisdropped)
            """;
    private static final String POLICY = "USING (tenant_id = (SELECT palisade_current_tenant())) "
            + "WITH CHECK (tenant_id = (SELECT palisade_current_tenant()))";

    private final Connection superuser;
    private final String appRole;
    private final List<Violation> violations = new ArrayList<>();

    private CatalogRules(Connection superuser, String appRole) {
        this.superuser = superuser;
        this.appRole = appRole;
    }

    /** The tenant tables, by name. */
    static List<String> tenantTables(Connection superuser) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (PreparedStatement st = superuser.prepareStatement(
                "SELECT oid::regclass::text FROM (" + TENANT_TABLES + ") t ORDER BY 1");
                ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        return tables;
    }

    /** Checks rules 6, 7 and 8 (as built) on the migrated database. */
    static List<Violation> check(Connection superuser, String appRole) throws SQLException {
        CatalogRules rules = new CatalogRules(superuser, appRole);
        rules.keysLeadWithTenant();
        rules.rowLevelSecurity();
        rules.tenantGuard();
        rules.grants();
        return rules.violations;
    }

    private void keysLeadWithTenant() throws SQLException {
        query("""
                SELECT c.conrelid::regclass::text, c.conname,
                       CASE c.contype WHEN 'p' THEN 'primary key' WHEN 'u' THEN 'unique key' ELSE 'foreign key' END,
                       pg_get_constraintdef(c.oid), coalesce(a.attname, '(an expression)')
                  FROM pg_constraint c
                  LEFT JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
                 WHERE c.contype IN ('p', 'u', 'f') AND c.conrelid IN (%1$s)
                   AND a.attname IS DISTINCT FROM 'tenant_id'
                UNION ALL
                SELECT i.indrelid::regclass::text, i.indexrelid::regclass::text, 'index', pg_get_indexdef(i.indexrelid),
                       coalesce(a.attname, '(an expression)')
                  FROM pg_index i
                  LEFT JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[0] AND i.indkey[0] <> 0
                 WHERE i.indrelid IN (%1$s)
                   AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid
                                                                  AND c.contype IN ('p', 'u'))
                   AND a.attname IS DISTINCT FROM 'tenant_id'
                 ORDER BY 1, 2
                """.formatted(TENANT_TABLES), rs -> violations.add(new Violation(Rule.TENANT_KEY,
                rs.getString(3) + " " + rs.getString(2) + " on tenant table " + rs.getString(1),
                "leads with " + rs.getString(5) + ": " + rs.getString(4),
                "make tenant_id its first column, e.g. (tenant_id, " + rs.getString(5) + ", ...)"
                        + ("foreign key".equals(rs.getString(3))
                                ? ", referencing (tenant_id, id) of the other table"
                                : ""))));
    }

    private void rowLevelSecurity() throws SQLException {
        query("""
                SELECT t.oid::regclass::text, t.relrowsecurity, t.relforcerowsecurity,
                       p.polname IS NOT NULL, coalesce(p.polcmd = '*' AND p.polpermissive, false),
                       coalesce(pg_get_expr(p.polqual, t.oid), ''), coalesce(pg_get_expr(p.polwithcheck, t.oid), ''),
                       (SELECT string_agg(o.polname, ', ') FROM pg_policy o
                         WHERE o.polrelid = t.oid AND o.polpermissive AND o.polname <> 'tenant_isolation')
                  FROM pg_class t
                  LEFT JOIN pg_policy p ON p.polrelid = t.oid AND p.polname = 'tenant_isolation'
                 WHERE t.oid IN (%s) ORDER BY 1
                """.formatted(TENANT_TABLES), rs -> {
            String table = "table " + rs.getString(1);
            if (!rs.getBoolean(2)) {
                violations.add(new Violation(Rule.ROW_LEVEL_SECURITY, table, "row-level security is not enabled",
                        "ALTER TABLE " + rs.getString(1) + " ENABLE ROW LEVEL SECURITY;"));
            }
            if (!rs.getBoolean(3)) {
                violations.add(new Violation(Rule.ROW_LEVEL_SECURITY, table,
                        "row-level security is not forced (the table's owner would bypass it)",
                        "ALTER TABLE " + rs.getString(1) + " FORCE ROW LEVEL SECURITY;"));
            }
            if (!rs.getBoolean(4)) {
                violations.add(new Violation(Rule.ROW_LEVEL_SECURITY, table, "has no policy tenant_isolation",
                        "CREATE POLICY tenant_isolation ON " + rs.getString(1) + " " + POLICY + ";"));
            } else if (!rs.getBoolean(5) || !isTenantCondition(rs.getString(6)) || !isTenantCondition(
                    rs.getString(7))) {
                violations.add(new Violation(Rule.ROW_LEVEL_SECURITY, table, "policy tenant_isolation is not "
                        + "a permissive policy FOR ALL on the current tenant (USING '" + rs.getString(6)
                        + "', WITH CHECK '" + rs.getString(7) + "')",
                        "recreate it: CREATE POLICY tenant_isolation ON " + rs.getString(1) + " " + POLICY + ";"));
            }
            if (rs.getString(8) != null) {
                violations.add(new Violation(Rule.ROW_LEVEL_SECURITY, table, "has other permissive policies ("
                        + rs.getString(8) + "), which widen what tenant_isolation lets a tenant see",
                        "drop them, or make them AS RESTRICTIVE so that they can only narrow it"));
            }
        });
    }

    private static boolean isTenantCondition(String expression) {
        String e = expression.replaceAll("\\s+", " ");
        return e.contains("tenant_id = ( SELECT palisade_current_tenant()") || e.contains(
                "tenant_id = (SELECT palisade_current_tenant()");
    }

    private void tenantGuard() throws SQLException {
        // tgtype bits: 1 = FOR EACH ROW, 2 = BEFORE, 16 = UPDATE
        query("""
                SELECT t.oid::regclass::text FROM pg_class t
                 WHERE t.oid IN (%s)
                   AND NOT EXISTS (SELECT 1 FROM pg_trigger g
                                    WHERE g.tgrelid = t.oid AND NOT g.tgisinternal AND g.tgenabled <> 'D'
                                      AND g.tgtype & 19 = 19
                                      AND g.tgfoid = to_regprocedure('palisade_forbid_tenant_change()'))
                 ORDER BY 1
                """.formatted(TENANT_TABLES), rs -> violations.add(new Violation(Rule.TENANT_GUARD,
                "table " + rs.getString(1), "has no BEFORE UPDATE trigger calling palisade_forbid_tenant_change()",
                "CREATE TRIGGER " + rs.getString(1).replaceAll("\\W", "_") + "_tenant_guard BEFORE UPDATE ON "
                        + rs.getString(1) + " FOR EACH ROW EXECUTE FUNCTION palisade_forbid_tenant_change();")));
    }

    private void grants() throws SQLException {
        query("""
                SELECT c.oid::regclass::text, CASE WHEN x.grantee = 0 THEN 'PUBLIC' ELSE x.grantee::regrole::text END,
                       string_agg(x.privilege_type, ', ' ORDER BY x.privilege_type)
                  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace,
                       LATERAL aclexplode(c.relacl) x
                 WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'
                   AND x.grantee <> c.relowner AND x.grantee IS DISTINCT FROM to_regrole(?)::oid
                 GROUP BY 1, 2 ORDER BY 1, 2
                """, rs -> violations.add(new Violation(Rule.GRANTS, "relation " + rs.getString(1),
                "grants " + rs.getString(3) + " to " + rs.getString(2) + ", which is not the service role",
                "grant to ${app_role} only, and nothing to PUBLIC")), appRole);
        query("""
                SELECT c.oid::regclass::text FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                 WHERE c.relowner = to_regrole(?)::oid AND n.nspname NOT IN ('pg_catalog', 'information_schema')
                 ORDER BY 1
                """, rs -> violations.add(new Violation(Rule.GRANTS, "relation " + rs.getString(1),
                "is owned by the service role, which bypasses row-level security that is not forced and can "
                        + "alter it",
                "let the owner role that migrates own it (remove the ALTER ... OWNER TO)")),
                appRole);
    }

    private interface Row {
        void accept(ResultSet rs) throws SQLException;
    }

    private void query(String sql, Row row, String... parameters) throws SQLException {
        try (PreparedStatement st = superuser.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                st.setString(i + 1, parameters[i]);
            }
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    row.accept(rs);
                }
            }
        }
    }
}
