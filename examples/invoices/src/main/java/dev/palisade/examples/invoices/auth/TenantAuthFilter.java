package dev.palisade.examples.invoices.auth;

import java.util.List;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

import dev.palisade.examples.invoices.rest.Problems;
import dev.palisade.tenancy.TenantId;
import dev.palisade.tenancy.apikey.ApiKeyVerifier;
import dev.palisade.tenancy.context.TenantContext;

/**
 * The first wall, for every resource of this service: {@code X-Tenant-ID} and {@code Authorization: Bearer <api key>}
 * of that tenant, checked by Palisade's {@link ApiKeyVerifier} (the same keys, cache and revocation as Palisade's
 * own API). On success the tenant goes into the request's {@link TenantContext}; from there the Hibernate filter and
 * row-level security follow it without another line here or in the resources.
 * <p>
 * Why a filter of its own: Palisade's filter lives in its {@code api} module, the runnable service, which an
 * embedder does not depend on. What it decides (the key check) is in {@code tenancy}; only this HTTP mapping is
 * repeated.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class TenantAuthFilter implements ContainerRequestFilter {

    /** The header that names the tenant of a request. */
    public static final String TENANT_HEADER = "X-Tenant-ID";

    private final ApiKeyVerifier verifier;
    private final TenantContext context;

    TenantAuthFilter(ApiKeyVerifier verifier, TenantContext context) {
        this.verifier = verifier;
        this.context = context;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        List<String> tenants = request.getHeaders().get(TENANT_HEADER);
        if (tenants == null || tenants.size() != 1 || !TenantId.isValid(tenants.get(0))) {
            request.abortWith(Problems.response(Response.Status.BAD_REQUEST, "Send exactly one 'X-Tenant-ID' "
                    + "header: 2 to 63 lower-case letters, digits or hyphens, starting with a letter or digit."));
            return;
        }
        TenantId tenant = TenantId.of(tenants.get(0));
        List<String> authorization = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        String token = authorization == null || authorization.size() != 1 ? null : bearer(authorization.get(0));
        switch (verifier.verify(tenant, token)) {
            case ACCEPTED -> context.set(tenant);
            case SUSPENDED -> request.abortWith(Problems.response(Response.Status.FORBIDDEN,
                    "Tenant '" + tenant + "' is suspended."));
            case REJECTED -> request.abortWith(Response.fromResponse(Problems.response(Response.Status.UNAUTHORIZED,
                    "A valid API key of the tenant is required in 'Authorization: Bearer <api key>'."))
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build());
        }
    }

    private static String bearer(String header) {
        return header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).strip() : null;
    }
}
