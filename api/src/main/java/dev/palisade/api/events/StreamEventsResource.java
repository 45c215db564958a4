package dev.palisade.api.events;

import java.io.IOException;
import java.net.URI;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import dev.palisade.api.rest.OpenApiContract;
import dev.palisade.api.auth.TenantAuthenticated;
import dev.palisade.api.events.EventViews.AppendView;
import dev.palisade.api.events.EventViews.PageView;
import dev.palisade.events.AppendResult;
import dev.palisade.events.EventStore;
import dev.palisade.events.EventStoreConfig;
import dev.palisade.events.FeedQuery;
import dev.palisade.events.StreamId;

/** One stream of the current tenant: append to it, read it. */
@Path("/streams/{streamId}/events")
@TenantAuthenticated
@SecurityRequirement(name = OpenApiContract.TENANT_KEY)
@Produces(MediaType.APPLICATION_JSON)
public class StreamEventsResource {

    private final EventStore store;
    private final EventRequests requests;
    private final EventStoreConfig config;

    StreamEventsResource(EventStore store, EventRequests requests, EventStoreConfig config) {
        this.store = store;
        this.requests = requests;
        this.config = config;
    }

    /** 201 with what was written; 200 with the original result when this append was already recorded. */
    @APIResponse(responseCode = "201", description = "Appended.",
            content = @Content(schema = @Schema(implementation = AppendView.class)))
    @APIResponse(responseCode = "200", description = "A retry of a recorded append: its original result.",
            content = @Content(schema = @Schema(implementation = AppendView.class)))
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response append(@PathParam("streamId") String streamId,
            @RequestBody(required = true,
                    content = @Content(schema = @Schema(implementation = AppendBody.class))) byte[] body)
            throws IOException {
        // Read as bytes so that the size limit is checked on what was sent, before any parsing.
        AppendResult result = store.append(requests.append(streamId, body));
        AppendView view = AppendView.of(result);
        if (result.replayed()) {
            return Response.ok(view).build();
        }
        return Response.created(URI.create("/streams/" + streamId + "/events?fromVersion=" + result.fromVersion()))
                .entity(view).build();
    }

    @GET
    public PageView read(@PathParam("streamId") String streamId, @QueryParam("fromVersion") String fromVersion,
            @QueryParam("limit") String limit) {
        StreamId stream = StreamId.of(streamId);
        long from = EventRequests.number("fromVersion", fromVersion, 1);
        return PageView.of(store.readStream(stream, from,
                EventRequests.limit(limit, FeedQuery.DEFAULT_LIMIT, config.maxReadLimit())));
    }
}
