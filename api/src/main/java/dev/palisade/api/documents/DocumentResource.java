package dev.palisade.api.documents;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import com.fasterxml.jackson.databind.JsonNode;

import dev.palisade.api.auth.TenantAuthenticated;
import dev.palisade.api.query.QueryBody;
import dev.palisade.api.query.QueryParams;
import dev.palisade.api.query.QueryRequest;
import dev.palisade.api.query.QueryViews;
import dev.palisade.api.rest.OpenApiContract;
import dev.palisade.api.rest.Versions;
import dev.palisade.documents.store.Document;
import dev.palisade.documents.store.DocumentQueries;
import dev.palisade.documents.store.Documents;
import dev.palisade.documents.store.Precondition;
import dev.palisade.documents.store.Written;
import dev.palisade.query.Page;
import dev.palisade.query.Query;
import dev.palisade.query.QueryException;
import dev.palisade.tenancy.InvalidFieldException;
import dev.palisade.tenancy.NotFoundException;

/** Documents of a declared collection; the ETag of every answer is the document's version. */
@APIResponse(responseCode = "400", description = DocumentResource.BAD_REQUEST,
        content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
@Path("/collections/{collection}")
@TenantAuthenticated
@SecurityRequirement(name = OpenApiContract.TENANT_KEY)
@Produces(MediaType.APPLICATION_JSON)
public class DocumentResource {

    /** RFC 7396. */
    public static final String MERGE_PATCH = "application/merge-patch+json";

    static final String BULK = "documents:bulk";

    static final String BAD_REQUEST = "A collection that is not declared (unknown-collection, with the closest "
            + "declared name as suggestion), a document that breaks its collection's rules (invalid-document, every "
            + "violation with its JSON pointer) or another invalid field (invalid-field).";

    private final Documents documents;
    private final DocumentQueries queries;

    DocumentResource(Documents documents, DocumentQueries queries) {
        this.documents = documents;
        this.queries = queries;
    }

    @APIResponse(responseCode = "201", description = "Created with a generated id; Location and ETag name it.",
            content = @Content(schema = @Schema(implementation = DocumentView.class)))
    @POST
    @Path("/documents")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@PathParam("collection") String collection, DocumentBody body) {
        Document created = documents.create(collection, require(body).data());
        return Response.created(location(collection, created.id())).tag(tag(created))
                .entity(DocumentView.of(created)).build();
    }

    @APIResponse(responseCode = "200", description = "A page of documents: {items, next}, next null on the last page, "
            + "plus total with count=true. Items are whole documents, or the selected fields, with each included "
            + "reference.")
    @GET
    @Path("/documents")
    public Map<String, Object> list(@PathParam("collection") String collection, @BeanParam DocumentListParams params,
            @Context UriInfo uri) {
        Set<String> include = queries.includes(collection);
        MultivaluedMap<String, String> parameters = uri.getQueryParameters();
        QueryRequest request = QueryParams.parse(parameters, Set.of("after"), include);
        Query query = request.query();
        String after = parameters.getFirst("after");
        if (after != null) {
            if (query.cursor() != null) {
                throw QueryException.invalid("after", "is another name of cursor: send one of them.");
            }
            query = query.after(after);
        }
        Page page = queries.page(collection, query, request.include());
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("items", page.items());
        body.put("next", page.next());
        if (page.total() != null) {
            body.put("total", page.total());
        }
        return body;
    }

    @APIResponse(responseCode = "200", description = "A page ({items, next, total}) or, with groupBy or an aggregate, "
            + "the groups ({groups, truncated}).")
    @POST
    @Path("/documents/query")
    @Consumes(MediaType.APPLICATION_JSON)
    public Object query(@PathParam("collection") String collection,
            @RequestBody(description = QueryBody.DESCRIPTION) JsonNode body) {
        Set<String> include = queries.includes(collection);
        QueryRequest request = QueryBody.parse(body, include);
        return QueryViews.body(request.query(), () -> queries.page(collection, request.query(), request.include()),
                () -> queries.groups(collection, request.query()));
    }

    @APIResponse(responseCode = "200", description = "The document; the ETag is its version (304 when If-None-Match "
            + "names it).", content = @Content(schema = @Schema(implementation = DocumentView.class)))
    @GET
    @Path("/documents/{id}")
    public Response get(@PathParam("collection") String collection, @PathParam("id") String id,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        Document document = documents.find(collection, id).orElseThrow(() -> new NotFoundException("document", id));
        if (ifNoneMatch != null && !ifNoneMatch.isBlank() && !ifNoneMatch.trim().equals("*")
                && Versions.ifMatch(ifNoneMatch).getAsLong() == document.version()) {
            return Response.notModified(tag(document)).build();
        }
        return Response.ok(DocumentView.of(document)).tag(tag(document)).build();
    }

    @APIResponse(responseCode = "200", description = "Replaced; the ETag is its new version.",
            content = @Content(schema = @Schema(implementation = DocumentView.class)))
    @APIResponse(responseCode = "201", description = "Created; the ETag is its version.",
            content = @Content(schema = @Schema(implementation = DocumentView.class)))
    @PUT
    @Path("/documents/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response put(@PathParam("collection") String collection, @PathParam("id") String id, DocumentBody body,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        Written written = documents.put(collection, id, require(body).data(), precondition(ifMatch, ifNoneMatch));
        Response.ResponseBuilder response = written.created()
                ? Response.created(location(collection, id))
                : Response.ok();
        return response.tag(tag(written.document())).entity(DocumentView.of(written.document())).build();
    }

    @APIResponse(responseCode = "200", description = "Patched; the ETag is its new version.",
            content = @Content(schema = @Schema(implementation = DocumentView.class)))
    @PATCH
    @Path("/documents/{id}")
    // application/json too, read as the same merge patch: as PATCH /workspaces/{id} reads it.
    @Consumes({MERGE_PATCH, MediaType.APPLICATION_JSON})
    public Response patch(@PathParam("collection") String collection, @PathParam("id") String id, DocumentBody body,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        Document patched = documents.patch(collection, id, require(body).data(),
                precondition(ifMatch, null));
        return Response.ok(DocumentView.of(patched)).tag(tag(patched)).build();
    }

    @APIResponse(responseCode = "204", description = "Deleted.")
    @DELETE
    @Path("/documents/{id}")
    public Response delete(@PathParam("collection") String collection, @PathParam("id") String id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        documents.delete(collection, id, precondition(ifMatch, null));
        return Response.noContent().build();
    }

    @APIResponse(responseCode = "200", description = "Every item written, in one transaction; one result per item.",
            content = @Content(schema = @Schema(implementation = BulkResultView.class)))
    @POST
    @Path("/{action}")
    @Consumes(MediaType.APPLICATION_JSON)
    public BulkResultView bulk(@PathParam("collection") String collection, @PathParam("action") String action,
            BulkBody body) {
        // The one action of a collection; a literal "documents:bulk" path is not matched by RESTEasy Reactive.
        if (!BULK.equals(action)) {
            throw new NotFoundException("resource", action);
        }
        if (body == null) {
            throw InvalidFieldException.of("documents", "is required: a list of {id?, data} upserts.");
        }
        List<Written> written = documents.bulk(collection, body.items());
        return new BulkResultView(java.util.stream.IntStream.range(0, written.size())
                .mapToObj(i -> new BulkResultView.Item(i, written.get(i).document().id(),
                        written.get(i).created() ? "created" : "replaced", written.get(i).document().version()))
                .toList());
    }

    private static DocumentBody require(DocumentBody body) {
        if (body == null) {
            throw InvalidFieldException.of("data", "is required: the document's JSON object.");
        }
        return body;
    }

    private static Precondition precondition(String ifMatch, String ifNoneMatch) {
        boolean createOnly = false;
        if (ifNoneMatch != null && !ifNoneMatch.isBlank()) {
            if (!ifNoneMatch.trim().equals("*")) {
                throw new InvalidFieldException("If-None-Match",
                        "A write takes only 'If-None-Match: *' (create only).");
            }
            createOnly = true;
        }
        return Precondition.of(createOnly, Versions.ifMatch(ifMatch));
    }

    private static URI location(String collection, String id) {
        return URI.create("/collections/" + collection + "/documents/" + id);
    }

    private static EntityTag tag(Document document) {
        return new EntityTag(String.valueOf(document.version()));
    }
}
