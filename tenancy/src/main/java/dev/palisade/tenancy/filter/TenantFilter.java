package dev.palisade.tenancy.filter;

/**
 * The Hibernate tenant filter: {@code tenant_id = :tenantId}, enabled on every session, applied to queries, loads by
 * id and to-one associations ({@code applyToLoadByKey}). Its parameter comes from {@link CurrentTenantParameter}; with
 * no tenant set it matches nothing.
 */
public final class TenantFilter {

    /** The filter's name, for {@code @Filter(name = TenantFilter.NAME)} on every tenant-scoped entity. */
    public static final String NAME = "tenant";

    /** The filter's parameter. */
    public static final String PARAMETER = "tenantId";

    /** The filter's SQL condition. */
    public static final String CONDITION = "tenant_id = :" + PARAMETER;

    private TenantFilter() {
    }
}
