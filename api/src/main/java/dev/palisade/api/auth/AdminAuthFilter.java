package dev.palisade.api.auth;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

import dev.palisade.api.problem.Problem;
import dev.palisade.api.problem.ProblemType;

/** Admits a request to an {@link AdminAuthenticated} resource only with {@code Authorization: Bearer <admin key>}. */
@Provider
@AdminAuthenticated
@Priority(Priorities.AUTHENTICATION)
public class AdminAuthFilter implements ContainerRequestFilter {

    private final AdminKey adminKey;

    AdminAuthFilter(AdminKey adminKey) {
        this.adminKey = adminKey;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        var values = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        String token = values == null || values.size() != 1 ? null : Secrets.bearer(values.get(0));
        if (!adminKey.matches(token)) {
            request.abortWith(unauthorized("The admin API needs 'Authorization: Bearer <admin key>'."));
        }
    }

    static Response unauthorized(String detail) {
        return Response.fromResponse(Problem.of(ProblemType.UNAUTHORIZED, detail).toResponse())
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"palisade\"").build();
    }
}
