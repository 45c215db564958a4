package dev.palisade.tenancy.settings;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.palisade.query.Catalog;
import dev.palisade.query.Executor;
import dev.palisade.query.Field;
import dev.palisade.query.FieldType;
import dev.palisade.query.Groups;
import dev.palisade.query.Page;
import dev.palisade.query.Query;
import dev.palisade.query.QueryRunner;
import dev.palisade.query.Scope;
import dev.palisade.query.Statement;
import dev.palisade.tenancy.NotFoundException;
import dev.palisade.tenancy.TenantId;
import dev.palisade.tenancy.query.NativeExecutor;
import dev.palisade.tenancy.query.QueryTransactions;
import dev.palisade.tenancy.session.TenantSession;
import dev.palisade.tenancy.workspace.Workspaces;

/**
 * The query language over configs, the tenant's or a workspace's: {@code key} (indexed), {@code createdAt},
 * {@code updatedAt}, {@code version}, and paths into the JSON {@code value} ({@code value.dark}); ordered by
 * {@code key} unless asked otherwise.
 */
@ApplicationScoped
public class SettingQueries {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The tenant's configs. */
    public static final Catalog TENANT = catalog("configs", "tenant_configs c");
    /** A workspace's configs. */
    public static final Catalog WORKSPACE = catalog("workspace configs", "workspace_configs c");

    private final TenantSession session;
    private final Workspaces workspaces;
    private final QueryTransactions transactions;

    SettingQueries(TenantSession session, Workspaces workspaces, QueryTransactions transactions) {
        this.session = session;
        this.workspaces = workspaces;
        this.transactions = transactions;
    }

    private static Catalog catalog(String name, String from) {
        return Catalog.of(name, from, "key").with(Field.indexed("key", FieldType.TEXT, "c.key"))
                .with(Field.of("createdAt", FieldType.TIMESTAMP, "c.created_at"))
                .with(Field.of("updatedAt", FieldType.TIMESTAMP, "c.updated_at"))
                .with(Field.of("version", FieldType.INTEGER, "c.version")).withJson("value", "c.value")
                .forbid("tenantId", "tenant_id", "workspaceId", "workspace_id");
    }

    /** One page of the scope's configs; a workspace that is not the tenant's is not found. */
    public Page page(SettingScope scope, Query query) {
        return transactions.run((tenant, timeout) -> QueryRunner.page(catalog(scope), query, scope(scope, tenant),
                executor(), timeout));
    }

    /** Groups of the scope's configs. */
    public Groups groups(SettingScope scope, Query query) {
        return transactions.run((tenant, timeout) -> QueryRunner.groups(catalog(scope), query, scope(scope, tenant),
                executor(), timeout));
    }

    private NativeExecutor executor() {
        return new NativeExecutor(session.entityManager());
    }

    private Catalog catalog(SettingScope scope) {
        return scope.workspace().isPresent() ? WORKSPACE : TENANT;
    }

    private Scope scope(SettingScope scope, TenantId tenant) {
        if (scope.workspace().isEmpty()) {
            return Scope.of("c.tenant_id = ?", tenant.value());
        }
        if (!workspaces.exists(scope.workspace().get())) {
            throw new NotFoundException("workspace", scope.workspace().get());
        }
        return Scope.of("c.tenant_id = ? AND c.workspace_id = ?", tenant.value(), scope.workspace().get());
    }

    private static final String OF_WORKSPACES = """
            SELECT c.workspace_id, c.key, CAST(c.value AS text), c.created_at, c.updated_at, c.version
              FROM workspace_configs c
             WHERE c.tenant_id = ? AND c.workspace_id IN (%s)
             ORDER BY c.workspace_id, c.key
            """;

    /**
     * The configs of several workspaces of {@code tenant}, in one statement (an include without N+1), by workspace
     * id. {@code ids} are at most a page ({@link Query#MAX_LIMIT}).
     */
    public static Map<Object, List<Map<String, Object>>> ofWorkspaces(Executor executor, TenantId tenant,
            List<Object> ids) throws SQLException {
        List<Object> params = new ArrayList<>();
        params.add(tenant.value());
        params.addAll(ids);
        String sql = OF_WORKSPACES.formatted(String.join(", ", Collections.nCopies(ids.size(), "?")));
        Map<Object, List<Map<String, Object>>> byWorkspace = new LinkedHashMap<>();
        for (Object[] row : executor.rows(new Statement(sql, params))) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("key", row[1]);
            entry.put("value", json(row[2]));
            entry.put("createdAt", FieldType.TIMESTAMP.read(row[3]));
            entry.put("updatedAt", FieldType.TIMESTAMP.read(row[4]));
            entry.put("version", FieldType.INTEGER.read(row[5]));
            byWorkspace.computeIfAbsent(FieldType.UUID.read(row[0]), k -> new ArrayList<>()).add(entry);
        }
        return byWorkspace;
    }

    private static Object json(Object text) {
        try {
            return JSON.readTree(text.toString());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("PostgreSQL returned jsonb that is not JSON", e);
        }
    }
}
