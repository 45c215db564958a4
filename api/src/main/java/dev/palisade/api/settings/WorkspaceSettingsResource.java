package dev.palisade.api.settings;

import java.util.List;

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
import dev.palisade.api.rest.Versions;
import dev.palisade.tenancy.settings.SettingScope;

/** Workspace-level configs; they are deleted with their workspace. */
@Path("/workspaces/{id}/configs")
@TenantAuthenticated
@SecurityRequirement(name = OpenApiContract.TENANT_KEY)
@Produces(MediaType.APPLICATION_JSON)
public class WorkspaceSettingsResource {

    private final SettingEndpoints endpoints;

    WorkspaceSettingsResource(SettingEndpoints endpoints) {
        this.endpoints = endpoints;
    }

    @GET
    public List<SettingView> list(@PathParam("id") String id) {
        return endpoints.list(scope(id));
    }

    @APIResponse(responseCode = "200", description = "Replaced; the ETag is its new version.",
            content = @Content(schema = @Schema(implementation = SettingView.class)))
    @APIResponse(responseCode = "201", description = "Created; the ETag is its version.",
            content = @Content(schema = @Schema(implementation = SettingView.class)))
    @PUT
    @Path("/{key}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response put(@PathParam("id") String id, @PathParam("key") String key, SettingBody body,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return endpoints.put(scope(id), "/workspaces/" + id + "/configs", key, body, ifMatch);
    }

    @APIResponse(responseCode = "200", description = "The config; the ETag is its version.",
            content = @Content(schema = @Schema(implementation = SettingView.class)))
    @GET
    @Path("/{key}")
    public Response get(@PathParam("id") String id, @PathParam("key") String key) {
        return endpoints.get(scope(id), key);
    }

    @APIResponse(responseCode = "204", description = "Deleted.")
    @DELETE
    @Path("/{key}")
    public Response delete(@PathParam("id") String id, @PathParam("key") String key,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return endpoints.delete(scope(id), key, ifMatch);
    }

    private static SettingScope scope(String id) {
        return SettingScope.workspace(Versions.id("workspace", id));
    }
}
