package dev.palisade.api.events;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import dev.palisade.api.rest.OpenApiContract;
import dev.palisade.api.auth.TenantAuthenticated;
import dev.palisade.api.events.EventViews.PageView;
import dev.palisade.events.EventStore;
import dev.palisade.events.EventStoreConfig;
import dev.palisade.events.FeedQuery;

/** The current tenant's feed: every event in position order, optionally by type and time. */
@Path("/events")
@TenantAuthenticated
@SecurityRequirement(name = OpenApiContract.TENANT_KEY)
@Produces(MediaType.APPLICATION_JSON)
public class FeedResource {

    private final EventStore store;
    private final EventStoreConfig config;

    FeedResource(EventStore store, EventStoreConfig config) {
        this.store = store;
        this.config = config;
    }

    /** Events after {@code after}; {@code type} may repeat or list types separated by commas; {@code [from, to)}. */
    @GET
    public PageView read(@QueryParam("after") String after, @QueryParam("limit") String limit,
            @QueryParam("type") List<String> types, @QueryParam("from") String from, @QueryParam("to") String to) {
        FeedQuery query = new FeedQuery(EventRequests.number("after", after, 0),
                EventRequests.limit(limit, FeedQuery.DEFAULT_LIMIT, config.maxReadLimit()), EventRequests.types(types),
                EventRequests.instant("from", from), EventRequests.instant("to", to));
        return PageView.of(store.readFeed(query));
    }
}
