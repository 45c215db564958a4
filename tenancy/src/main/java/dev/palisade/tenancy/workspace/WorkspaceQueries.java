package dev.palisade.tenancy.workspace;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import dev.palisade.query.Catalog;
import dev.palisade.query.Field;
import dev.palisade.query.FieldType;
import dev.palisade.query.Groups;
import dev.palisade.query.Order;
import dev.palisade.query.Page;
import dev.palisade.query.Query;
import dev.palisade.query.QueryRunner;
import dev.palisade.query.Scope;
import dev.palisade.tenancy.TenantId;
import dev.palisade.tenancy.query.NativeExecutor;
import dev.palisade.tenancy.query.QueryTransactions;
import dev.palisade.tenancy.session.TenantSession;
import dev.palisade.tenancy.settings.SettingQueries;

/**
 * The query language over the current tenant's workspaces: {@code slug}, {@code name}, {@code id},
 * {@code createdAt}, {@code updatedAt}, {@code version}; ordered by {@code slug} unless asked otherwise. With
 * {@code include} of {@code configs}, each workspace carries its configs, read in one more statement whatever the
 * number of workspaces.
 */
@ApplicationScoped
public class WorkspaceQueries {

    /** The fields; {@code id} (primary key) and {@code slug} (unique) are indexed after {@code tenant_id}. */
    public static final Catalog CATALOG = Catalog.of("workspaces", "workspaces w", "id")
            .with(Field.indexed("id", FieldType.UUID, "w.id")).with(Field.of("name", FieldType.TEXT, "w.name"))
            .with(Field.indexed("slug", FieldType.TEXT, "w.slug"))
            .with(Field.of("createdAt", FieldType.TIMESTAMP, "w.created_at"))
            .with(Field.of("updatedAt", FieldType.TIMESTAMP, "w.updated_at"))
            .with(Field.of("version", FieldType.INTEGER, "w.version")).forbid("tenantId", "tenant_id")
            .defaultOrder(Order.asc("slug"));

    private final TenantSession session;
    private final QueryTransactions transactions;

    WorkspaceQueries(TenantSession session, QueryTransactions transactions) {
        this.session = session;
        this.transactions = transactions;
    }

    /** One page of workspaces; {@code includeConfigs} adds each one's {@code configs}. */
    public Page page(Query query, boolean includeConfigs) {
        return transactions.run((tenant, timeout) -> read(tenant, timeout, query, includeConfigs));
    }

    private Page read(TenantId tenant, Duration timeout, Query query, boolean includeConfigs) throws SQLException {
        NativeExecutor executor = new NativeExecutor(session.entityManager());
        Page page = QueryRunner.page(CATALOG, query, scope(tenant), executor, timeout);
        if (!includeConfigs || page.items().isEmpty()) {
            return page;
        }
        if (page.items().stream().anyMatch(item -> !item.containsKey("id"))) {
            throw dev.palisade.query.QueryException.invalid("include",
                    "needs the workspaces' id: add 'id' to select, or drop include.");
        }
        List<Object> ids = page.items().stream().map(item -> item.get("id")).toList();
        Map<Object, List<Map<String, Object>>> configs = SettingQueries.ofWorkspaces(executor, tenant, ids);
        List<Map<String, Object>> items = new ArrayList<>();
        for (Map<String, Object> item : page.items()) {
            Map<String, Object> with = new LinkedHashMap<>(item);
            with.put("configs", configs.getOrDefault(item.get("id"), List.of()));
            items.add(with);
        }
        return new Page(items, page.next(), page.total());
    }

    /** Groups of workspaces with their aggregates. */
    public Groups groups(Query query) {
        return transactions.run((tenant, timeout) -> QueryRunner.groups(CATALOG, query, scope(tenant),
                new NativeExecutor(session.entityManager()), timeout));
    }

    private static Scope scope(TenantId tenant) {
        return Scope.of("w.tenant_id = ?", tenant.value());
    }

}
