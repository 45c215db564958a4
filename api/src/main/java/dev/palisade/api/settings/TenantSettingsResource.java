package dev.palisade.api.settings;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

import com.fasterxml.jackson.databind.JsonNode;

import dev.palisade.api.query.ListParams;
import dev.palisade.api.query.QueryBody;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import dev.palisade.api.rest.OpenApiContract;
import dev.palisade.api.auth.TenantAuthenticated;
import dev.palisade.tenancy.settings.SettingScope;

/** Tenant-level configs. */
@Path("/configs")
@TenantAuthenticated
@SecurityRequirement(name = OpenApiContract.TENANT_KEY)
@Produces(MediaType.APPLICATION_JSON)
public class TenantSettingsResource {

    private final SettingEndpoints endpoints;

    TenantSettingsResource(SettingEndpoints endpoints) {
        this.endpoints = endpoints;
    }

    @APIResponse(responseCode = "200", description = "A page of configs (an array); the next page's cursor is in "
            + "X-Next-Cursor and Link rel=\"next\", the total (count=true) in X-Total-Count.",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = SettingView.class)))
    @GET
    public Response list(@BeanParam ListParams params, @Context UriInfo uri) {
        return endpoints.list(SettingScope.tenant(), uri);
    }

    @APIResponse(responseCode = "200", description = "A page ({items, next, total}) or, with groupBy or an aggregate, "
            + "the groups ({groups, truncated}).")
    @POST
    @Path("/query")
    @Consumes(MediaType.APPLICATION_JSON)
    public Object query(@RequestBody(description = QueryBody.DESCRIPTION) JsonNode body) {
        return endpoints.query(SettingScope.tenant(), body);
    }

    @APIResponse(responseCode = "200", description = "Replaced; the ETag is its new version.",
            content = @Content(schema = @Schema(implementation = SettingView.class)))
    @APIResponse(responseCode = "201", description = "Created; the ETag is its version.",
            content = @Content(schema = @Schema(implementation = SettingView.class)))
    @PUT
    @Path("/{key}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response put(@PathParam("key") String key, SettingBody body,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return endpoints.put(SettingScope.tenant(), "/configs", key, body, ifMatch);
    }

    @APIResponse(responseCode = "200", description = "The config; the ETag is its version.",
            content = @Content(schema = @Schema(implementation = SettingView.class)))
    @GET
    @Path("/{key}")
    public Response get(@PathParam("key") String key) {
        return endpoints.get(SettingScope.tenant(), key);
    }

    @APIResponse(responseCode = "204", description = "Deleted.")
    @DELETE
    @Path("/{key}")
    public Response delete(@PathParam("key") String key, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return endpoints.delete(SettingScope.tenant(), key, ifMatch);
    }
}
