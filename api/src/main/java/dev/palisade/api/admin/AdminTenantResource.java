package dev.palisade.api.admin;

import java.util.Set;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

import com.fasterxml.jackson.databind.JsonNode;

import dev.palisade.api.query.ListParams;
import dev.palisade.api.query.QueryBody;
import dev.palisade.api.query.QueryParams;
import dev.palisade.api.query.QueryRequest;
import dev.palisade.api.query.QueryViews;
import dev.palisade.tenancy.registry.TenantQueries;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import dev.palisade.api.rest.OpenApiContract;
import dev.palisade.api.auth.AdminAuthenticated;
import dev.palisade.api.rest.Versions;
import dev.palisade.tenancy.NotFoundException;
import dev.palisade.tenancy.TenantId;
import dev.palisade.tenancy.apikey.ApiKeyInfo;
import dev.palisade.tenancy.apikey.ApiKeys;
import dev.palisade.tenancy.context.TenantScope;
import dev.palisade.tenancy.registry.CreatedTenant;
import dev.palisade.tenancy.registry.NewTenant;
import dev.palisade.tenancy.registry.TenantRegistry;
import dev.palisade.tenancy.registry.TenantStatus;

/** The admin API: the tenant registry and tenants' API keys. */
@Path("/admin/tenants")
@AdminAuthenticated
@SecurityRequirement(name = OpenApiContract.ADMIN_KEY)
@Produces(MediaType.APPLICATION_JSON)
public class AdminTenantResource {

    private final TenantRegistry registry;
    private final ApiKeys apiKeys;
    private final TenantScope tenantScope;
    private final TenantQueries queries;

    AdminTenantResource(TenantRegistry registry, ApiKeys apiKeys, TenantScope tenantScope, TenantQueries queries) {
        this.queries = queries;
        this.registry = registry;
        this.apiKeys = apiKeys;
        this.tenantScope = tenantScope;
    }

    @APIResponse(responseCode = "201", description = "Registered, with its first API key (secret shown once).",
            content = @Content(schema = @Schema(implementation = AdminViews.TenantView.class)))
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response register(NewTenant request) {
        CreatedTenant created = registry.register(request);
        return Response.created(URI.create("/admin/tenants/" + created.tenant().id()))
                .entity(AdminViews.created(created)).build();
    }

    @APIResponse(responseCode = "200", description = "A page of tenants (an array); the next page's cursor is in "
            + "X-Next-Cursor and Link rel=\"next\", the total (count=true) in X-Total-Count.",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = AdminViews.TenantView.class)))
    @GET
    public Response list(@BeanParam ListParams params, @Context UriInfo uri) {
        QueryRequest request = QueryParams.parse(uri.getQueryParameters(), Set.of(), Set.of());
        return QueryViews.list(queries.page(request.query()), uri);
    }

    @APIResponse(responseCode = "200", description = "A page ({items, next, total}) or, with groupBy or an aggregate, "
            + "the groups ({groups, truncated}).")
    @POST
    @Path("/query")
    @Consumes(MediaType.APPLICATION_JSON)
    public Object query(@RequestBody(description = QueryBody.DESCRIPTION) JsonNode body) {
        QueryRequest request = QueryBody.parse(body, Set.of());
        return QueryViews.body(request.query(), () -> queries.page(request.query()),
                () -> queries.groups(request.query()));
    }

    @GET
    @Path("/{id}")
    public AdminViews.TenantView get(@PathParam("id") String id) {
        return AdminViews.tenant(registry.get(tenant(id)));
    }

    @POST
    @Path("/{id}/suspend")
    public AdminViews.TenantView suspend(@PathParam("id") String id) {
        return AdminViews.tenant(registry.changeStatus(tenant(id), TenantStatus.SUSPENDED));
    }

    @POST
    @Path("/{id}/reactivate")
    public AdminViews.TenantView reactivate(@PathParam("id") String id) {
        return AdminViews.tenant(registry.changeStatus(tenant(id), TenantStatus.ACTIVE));
    }

    @APIResponse(responseCode = "201", description = "Issued. The secret is shown this once only.",
            content = @Content(schema = @Schema(implementation = AdminViews.KeyView.class)))
    @POST
    @Path("/{id}/api-keys")
    public Response issueKey(@PathParam("id") String id) {
        TenantId tenant = existing(id);
        var key = tenantScope.call(tenant, apiKeys::issue);
        return Response.created(URI.create("/admin/tenants/" + tenant + "/api-keys/" + key.id()))
                .entity(new AdminViews.KeyView(key.id(), key.secret(), key.createdAt())).build();
    }

    @GET
    @Path("/{id}/api-keys")
    public List<ApiKeyInfo> listKeys(@PathParam("id") String id) {
        return tenantScope.call(existing(id), apiKeys::list);
    }

    @APIResponse(responseCode = "204", description = "Revoked on every replica.")
    @DELETE
    @Path("/{id}/api-keys/{keyId}")
    public Response revokeKey(@PathParam("id") String id, @PathParam("keyId") String keyId) {
        TenantId tenant = existing(id);
        UUID key = Versions.id("API key", keyId);
        tenantScope.run(tenant, () -> apiKeys.revoke(key));
        return Response.noContent().build();
    }

    private TenantId existing(String id) {
        TenantId tenant = tenant(id);
        registry.get(tenant);
        return tenant;
    }

    private static TenantId tenant(String id) {
        if (!TenantId.isValid(id)) {
            throw new NotFoundException("tenant", id.length() > 64 ? id.substring(0, 64) : id);
        }
        return TenantId.of(id);
    }
}
