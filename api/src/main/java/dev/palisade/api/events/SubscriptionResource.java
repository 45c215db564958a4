package dev.palisade.api.events;

import java.time.Duration;
import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.palisade.api.rest.OpenApiContract;
import dev.palisade.api.auth.TenantAuthenticated;
import dev.palisade.api.events.EventViews.EventView;
import dev.palisade.events.EventStoreConfig;
import dev.palisade.events.FeedQuery;
import dev.palisade.events.RecordedEvent;
import dev.palisade.events.subscribe.EventSubscriptions;
import dev.palisade.events.subscribe.Subscription;
import dev.palisade.tenancy.TenantId;
import dev.palisade.tenancy.context.CurrentTenant;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;

/**
 * The current tenant's feed as server-sent events: first the events after {@code after} (or after
 * {@code Last-Event-ID}, which a reconnecting client sends), then each new event as it commits. Each event's
 * {@code id:} is its position and its {@code data:} the event JSON; a {@code : heartbeat} comment keeps idle
 * connections open.
 */
@Path("/events/subscribe")
@TenantAuthenticated
@SecurityRequirement(name = OpenApiContract.TENANT_KEY)
public class SubscriptionResource {

    private final EventSubscriptions subscriptions;
    private final Duration heartbeat;
    private final ObjectMapper json;

    SubscriptionResource(EventSubscriptions subscriptions, EventStoreConfig config, ObjectMapper json) {
        this.subscriptions = subscriptions;
        this.json = json;
        this.heartbeat = config.subscriptions().heartbeatInterval();
    }

    @GET
    @Blocking // authentication reads the database; the stream itself never holds a worker thread
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public Multi<OutboundSseEvent> subscribe(@QueryParam("after") String after, @QueryParam("type") List<String> types,
            @HeaderParam("Last-Event-ID") String lastEventId, @Context Sse sse) {
        TenantId tenant = CurrentTenant.require();
        long from = lastEventId != null && !lastEventId.isBlank()
                ? EventRequests.number("Last-Event-ID", lastEventId.trim(), 0)
                : EventRequests.number("after", after, 0);
        FeedQuery query = FeedQuery.after(from).withTypes(EventRequests.types(types));
        Multi<OutboundSseEvent> events = Multi.createFrom().resource(() -> subscriptions.subscribe(tenant, query),
                subscription -> Multi.createBy().repeating().completionStage(subscription::next).indefinitely()
                        .onItem().<RecordedEvent>disjoint()
                        .map(event -> sse.newEventBuilder().id(Long.toString(event.position()))
                                .data(String.class, json(event)).build()))
                .withFinalizer(Subscription::close);
        Multi<OutboundSseEvent> heartbeats = Multi.createFrom().ticks().startingAfter(Duration.ofMillis(1))
                .every(heartbeat)
                .onOverflow().drop()
                .map(tick -> sse.newEventBuilder().comment("heartbeat").build());
        return Multi.createBy().merging().streams(events, heartbeats);
    }

    /** The event as one line of JSON, the {@code data:} of its SSE frame. */
    private String json(RecordedEvent event) {
        try {
            return json.writeValueAsString(EventView.of(event));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an event could not be written as JSON", e);
        }
    }
}
