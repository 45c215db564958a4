package dev.palisade.api.workspace;

import java.net.URI;
import java.util.Set;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import com.fasterxml.jackson.databind.JsonNode;

import dev.palisade.api.query.ListParams;
import dev.palisade.api.query.QueryBody;
import dev.palisade.api.query.QueryParams;
import dev.palisade.api.query.QueryRequest;
import dev.palisade.api.query.QueryViews;
import dev.palisade.api.rest.OpenApiContract;
import dev.palisade.api.auth.TenantAuthenticated;
import dev.palisade.api.rest.Versions;
import dev.palisade.tenancy.NotFoundException;
import dev.palisade.tenancy.workspace.NewWorkspace;
import dev.palisade.tenancy.workspace.WorkspaceInfo;
import dev.palisade.tenancy.workspace.WorkspacePatch;
import dev.palisade.tenancy.workspace.WorkspaceQueries;
import dev.palisade.tenancy.workspace.Workspaces;

/** The current tenant's workspaces. */
@Path("/workspaces")
@TenantAuthenticated
@SecurityRequirement(name = OpenApiContract.TENANT_KEY)
@Produces(MediaType.APPLICATION_JSON)
public class WorkspaceResource {

    private static final Set<String> INCLUDE = Set.of("configs");

    private final Workspaces workspaces;
    private final WorkspaceQueries queries;

    WorkspaceResource(Workspaces workspaces, WorkspaceQueries queries) {
        this.workspaces = workspaces;
        this.queries = queries;
    }

    @APIResponse(responseCode = "201", description = "Created; the ETag is its version.",
            content = @Content(schema = @Schema(implementation = WorkspaceInfo.class)))
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(NewWorkspace request) {
        WorkspaceInfo created = workspaces.create(request);
        return Response.created(URI.create("/workspaces/" + created.id())).tag(etag(created)).entity(created).build();
    }

    @APIResponse(responseCode = "200", description = "A page of workspaces (an array); the next page's cursor is in "
            + "X-Next-Cursor and Link rel=\"next\", the total (count=true) in X-Total-Count.",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = WorkspaceInfo.class)))
    @GET
    public Response list(@BeanParam ListParams params, @Context UriInfo uri) {
        QueryRequest request = QueryParams.parse(uri.getQueryParameters(), Set.of(), INCLUDE);
        return QueryViews.list(queries.page(request.query(), request.includes("configs")), uri);
    }

    @APIResponse(responseCode = "200", description = "A page ({items, next, total}) or, with groupBy or an aggregate, "
            + "the groups ({groups, truncated}).")
    @POST
    @Path("/query")
    @Consumes(MediaType.APPLICATION_JSON)
    public Object query(@RequestBody(description = QueryBody.DESCRIPTION) JsonNode body) {
        QueryRequest request = QueryBody.parse(body, INCLUDE);
        return QueryViews.body(request.query(), () -> queries.page(request.query(), request.includes("configs")),
                () -> queries.groups(request.query()));
    }

    @APIResponse(responseCode = "200", description = "The workspace; the ETag is its version.",
            content = @Content(schema = @Schema(implementation = WorkspaceInfo.class)))
    @GET
    @Path("/{id}")
    public Response get(@PathParam("id") String id) {
        var uuid = Versions.id("workspace", id);
        return workspaces.find(uuid).map(w -> Response.ok(w).tag(etag(w)).build())
                .orElseThrow(() -> new NotFoundException("workspace", uuid));
    }

    @APIResponse(responseCode = "200", description = "Updated; the ETag is its new version.",
            content = @Content(schema = @Schema(implementation = WorkspaceInfo.class)))
    @PATCH
    @Path("/{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    public Response update(@PathParam("id") String id, WorkspacePatch patch,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        if (patch == null) {
            patch = new WorkspacePatch(null, null);
        }
        WorkspaceInfo updated = workspaces.update(Versions.id("workspace", id), patch, Versions.ifMatch(ifMatch));
        return Response.ok(updated).tag(etag(updated)).build();
    }

    @APIResponse(responseCode = "204", description = "Deleted.")
    @DELETE
    @Path("/{id}")
    public Response delete(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        workspaces.delete(Versions.id("workspace", id), Versions.ifMatch(ifMatch));
        return Response.noContent().build();
    }

    private static jakarta.ws.rs.core.EntityTag etag(WorkspaceInfo workspace) {
        return new jakarta.ws.rs.core.EntityTag(String.valueOf(workspace.version()));
    }
}
