package dev.palisade.api.auth;

import java.util.List;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

import dev.palisade.api.problem.Problem;
import dev.palisade.api.problem.ProblemType;
import dev.palisade.tenancy.TenantId;
import dev.palisade.tenancy.apikey.ApiKeyVerifier;
import dev.palisade.tenancy.context.TenantContext;

/**
 * The first wall: a {@link TenantAuthenticated} request needs exactly one well-formed {@code X-Tenant-ID} (else 400)
 * and a working API key of that tenant (else 401, the same answer whether or not the tenant exists); a suspended
 * tenant gets 403. Only then does the tenant go into the request's {@link TenantContext}.
 */
@Provider
@TenantAuthenticated
@Priority(Priorities.AUTHENTICATION)
public class TenantAuthFilter implements ContainerRequestFilter {

    public static final String TENANT_HEADER = "X-Tenant-ID";

    private final ApiKeyVerifier verifier;
    private final TenantContext context;

    TenantAuthFilter(ApiKeyVerifier verifier, TenantContext context) {
        this.verifier = verifier;
        this.context = context;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        List<String> tenantHeaders = request.getHeaders().get(TENANT_HEADER);
        if (tenantHeaders == null || tenantHeaders.isEmpty()) {
            request.abortWith(Problem.of(ProblemType.BAD_REQUEST, "The header 'X-Tenant-ID' is required.")
                    .toResponse());
            return;
        }
        if (tenantHeaders.size() != 1 || !TenantId.isValid(tenantHeaders.get(0))) {
            request.abortWith(Problem.of(ProblemType.BAD_REQUEST, "Send exactly one 'X-Tenant-ID' header: 2 to 63 "
                    + "lower-case letters, digits or hyphens, starting with a letter or digit.").toResponse());
            return;
        }
        TenantId tenant = TenantId.of(tenantHeaders.get(0));
        List<String> authorization = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        String token = authorization == null || authorization.size() != 1 ? null : Secrets.bearer(authorization.get(0));
        switch (verifier.verify(tenant, token)) {
            case ACCEPTED -> context.set(tenant);
            case SUSPENDED -> request.abortWith(Problem.of(ProblemType.FORBIDDEN,
                    "Tenant '" + tenant + "' is suspended.").toResponse());
            case REJECTED -> request.abortWith(AdminAuthFilter.unauthorized(
                    "A valid API key of the tenant is required in 'Authorization: Bearer <api key>'."));
        }
    }
}
