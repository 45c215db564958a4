package dev.palisade.tenancy.registry;

import java.sql.SQLException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import dev.palisade.query.Catalog;
import dev.palisade.query.Field;
import dev.palisade.query.FieldType;
import dev.palisade.query.Groups;
import dev.palisade.query.Page;
import dev.palisade.query.Query;
import dev.palisade.query.QueryRunner;
import dev.palisade.query.Scope;
import dev.palisade.tenancy.query.NativeExecutor;
import dev.palisade.tenancy.query.QueryConfig;

/**
 * The query language over the tenant registry, for the operator (it belongs to no tenant): {@code id} (indexed),
 * {@code name}, {@code status} ({@code active} or {@code suspended}), {@code createdAt}, {@code updatedAt}; ordered
 * by {@code id} unless asked otherwise.
 */
@ApplicationScoped
public class TenantQueries {

    /** The fields of the tenant list. */
    public static final Catalog CATALOG = Catalog.of("tenants", "tenants t", "id")
            .with(Field.indexed("id", FieldType.TEXT, "t.id")).with(Field.of("name", FieldType.TEXT, "t.name"))
            .with(Field.of("status", FieldType.TEXT, "lower(t.status)"))
            .with(Field.of("createdAt", FieldType.TIMESTAMP, "t.created_at"))
            .with(Field.of("updatedAt", FieldType.TIMESTAMP, "t.updated_at"));

    private final EntityManager em;
    private final QueryConfig config;

    TenantQueries(EntityManager em, QueryConfig config) {
        this.em = em;
        this.config = config;
    }

    /** One page of tenants. */
    @Transactional
    public Page page(Query query) {
        try {
            return QueryRunner.page(CATALOG, query, Scope.unscoped(), new NativeExecutor(em),
                    config.statementTimeout());
        } catch (SQLException e) {
            throw new PersistenceException(e);
        }
    }

    /** Groups of tenants ({@code groupBy: ["status"]}). */
    @Transactional
    public Groups groups(Query query) {
        try {
            return QueryRunner.groups(CATALOG, query, Scope.unscoped(), new NativeExecutor(em),
                    config.statementTimeout());
        } catch (SQLException e) {
            throw new PersistenceException(e);
        }
    }
}
