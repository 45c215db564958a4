package dev.palisade.api.events;

import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.palisade.api.query.FeedParams;
import dev.palisade.api.query.QueryParams;
import dev.palisade.api.query.QueryRequest;
import dev.palisade.events.query.FeedQueries;
import dev.palisade.query.QueryException;

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

    /** The feed's own parameters; every other one is the query language's. */
    private static final Set<String> OWN = Set.of("after", "limit", "type", "from", "to");

    private final EventStore store;
    private final EventStoreConfig config;
    private final FeedQueries queries;

    FeedResource(EventStore store, EventStoreConfig config, FeedQueries queries) {
        this.store = store;
        this.config = config;
        this.queries = queries;
    }

    /**
     * Events after {@code after}; {@code type} may repeat or list types separated by commas; {@code [from, to)}. Any
     * parameter of the query language ({@code where}, {@code data.amount__gt=100}, {@code count}, {@code select})
     * filters the feed, which stays gap-free: see {@link FeedQueries}.
     */
    @APIResponse(responseCode = "200", description = "A page of the feed: {events, next, total}; next is the after of "
            + "the following page (with a filter it can advance past events that did not match), absent at the head.",
            content = @Content(schema = @Schema(implementation = PageView.class)))
    @GET
    public Object read(@QueryParam("after") String after, @QueryParam("limit") String limit,
            @QueryParam("type") List<String> types, @QueryParam("from") String from, @QueryParam("to") String to,
            @BeanParam FeedParams params, @Context UriInfo uri) {
        FeedQuery query = new FeedQuery(EventRequests.number("after", after, 0),
                EventRequests.limit(limit, FeedQuery.DEFAULT_LIMIT, config.maxReadLimit()), EventRequests.types(types),
                EventRequests.instant("from", from), EventRequests.instant("to", to));
        MultivaluedMap<String, String> all = uri.getQueryParameters();
        if (OWN.containsAll(all.keySet())) {
            return PageView.of(store.readFeed(query));
        }
        if (all.containsKey("cursor") || all.containsKey("orderBy")) {
            throw QueryException.invalid(all.containsKey("cursor") ? "cursor" : "orderBy", "is not a parameter of the "
                    + "feed: it is always in position order; page with 'after'.");
        }
        QueryRequest request = QueryParams.parse(all, OWN, Set.of());
        return FeedView.of(queries.read(query, request.query()));
    }

    /** A filtered page of the feed. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record FeedView(List<Map<String, Object>> events, Long next, Long total) {
        static FeedView of(FeedQueries.FeedPage page) {
            return new FeedView(page.events(), page.next(), page.total());
        }
    }
}
