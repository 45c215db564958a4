package dev.palisade.api.events;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.palisade.api.auth.Secrets;
import dev.palisade.api.auth.TenantAuthenticated;
import dev.palisade.api.events.EventViews.EventView;
import dev.palisade.api.problem.Problem;
import dev.palisade.api.problem.ProblemType;
import dev.palisade.api.rest.OpenApiContract;
import dev.palisade.events.EventStoreConfig;
import dev.palisade.events.FeedQuery;
import dev.palisade.events.RecordedEvent;
import dev.palisade.events.subscribe.EventSubscriptions;
import dev.palisade.events.subscribe.Subscription;
import dev.palisade.tenancy.TenantId;
import dev.palisade.tenancy.apikey.AuthVerdict;
import dev.palisade.tenancy.context.CurrentTenant;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;

/**
 * The current tenant's feed as server-sent events: first the events after {@code after} (or after
 * {@code Last-Event-ID}, which a reconnecting client sends), then each new event as it commits. Each event's
 * {@code id:} is its position and its {@code data:} the event JSON; a {@code : heartbeat} comment keeps idle
 * connections open.
 * <p>
 * The stream lives only as long as the credentials that opened it: when the tenant is suspended or the key revoked
 * (on any replica), it ends with one {@value #ENDED} event whose {@code data:} is the problem a new request would
 * get (403 or 401), then closes.
 */
@Path("/events/subscribe")
@TenantAuthenticated
@SecurityRequirement(name = OpenApiContract.TENANT_KEY)
public class SubscriptionResource {

    /** The name of the last event of a stream whose credentials stopped working. */
    public static final String ENDED = "subscription-ended";

    private final EventSubscriptions subscriptions;
    private final SubscriptionCredentials credentials;
    private final Duration heartbeat;
    private final ObjectMapper json;

    SubscriptionResource(EventSubscriptions subscriptions, SubscriptionCredentials credentials,
            EventStoreConfig config, ObjectMapper json) {
        this.subscriptions = subscriptions;
        this.credentials = credentials;
        this.json = json;
        this.heartbeat = config.subscriptions().heartbeatInterval();
    }

    /** An open stream: the feed subscription and the watch on the credentials that opened it. */
    private static final class Open {
        final Subscription subscription;
        final SubscriptionCredentials.Watch watch;
        private volatile boolean closed;

        Open(Subscription subscription, SubscriptionCredentials.Watch watch) {
            this.subscription = subscription;
            this.watch = watch;
        }

        void close() {
            closed = true;
            watch.close();
            subscription.close();
        }

        /**
         * The subscription's next events, or none once the stream is closed (the client left, or its credentials
         * ended it): closing cancels the read the stream was waiting on, and a read asked for after that fails, with
         * nobody left to receive either failure (Mutiny would log it as a dropped exception, stack trace and all).
         */
        CompletionStage<List<RecordedEvent>> next() {
            if (closed) {
                return CompletableFuture.completedFuture(List.of());
            }
            return subscription.next().exceptionally(failure -> {
                if (closed) {
                    return List.of();
                }
                throw failure instanceof CompletionException completion ? completion : new CompletionException(failure);
            });
        }

        /**
         * The verdict that ends the stream, then completion; nothing if the stream is closed first. Not Mutiny's
         * stage conversion: cancelled, it cancels the stage and reports the resulting failure as dropped.
         */
        Multi<AuthVerdict> ending() {
            return Multi.createFrom().emitter(emitter -> watch.ended().thenAccept(verdict -> {
                emitter.emit(verdict);
                emitter.complete();
            }));
        }
    }

    @GET
    @Blocking // authentication reads the database; the stream itself never holds a worker thread
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public Multi<OutboundSseEvent> subscribe(@QueryParam("after") String after, @QueryParam("type") List<String> types,
            @HeaderParam("Last-Event-ID") String lastEventId,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @Context Sse sse) {
        TenantId tenant = CurrentTenant.require();
        long from = lastEventId != null && !lastEventId.isBlank()
                ? EventRequests.number("Last-Event-ID", lastEventId.trim(), 0)
                : EventRequests.number("after", after, 0);
        FeedQuery query = FeedQuery.after(from).withTypes(EventRequests.types(types));
        String presented = Secrets.bearer(authorization);
        return Multi.createFrom().resource(
                () -> new Open(subscriptions.subscribe(tenant, query), credentials.watch(tenant, presented)),
                open -> stream(open, tenant, sse))
                .withFinalizer(Open::close);
    }

    /**
     * Events, heartbeats and, when the credentials stop working, the {@value #ENDED} event: nothing after it, and the
     * stream completes.
     */
    private Multi<OutboundSseEvent> stream(Open open, TenantId tenant, Sse sse) {
        // A subscription's page always holds at least one event: an empty one means the stream was closed.
        Multi<OutboundSseEvent> events = Multi.createBy().repeating().completionStage(open::next)
                .until(List::isEmpty)
                .onItem().<RecordedEvent>disjoint()
                .map(event -> sse.newEventBuilder().id(Long.toString(event.position()))
                        .data(String.class, json(EventView.of(event))).build());
        Multi<OutboundSseEvent> heartbeats = Multi.createFrom().ticks().startingAfter(Duration.ofMillis(1))
                .every(heartbeat)
                .onOverflow().drop()
                .map(tick -> sse.newEventBuilder().comment("heartbeat").build());
        Multi<OutboundSseEvent> ending = open.ending()
                .map(verdict -> ended(sse, tenant, verdict));
        return Multi.createBy().merging().streams(events, heartbeats, ending)
                .select().first(frame -> !open.watch.isEnded())
                .onCompletion().switchTo(() -> ending);
    }

    private OutboundSseEvent ended(Sse sse, TenantId tenant, AuthVerdict verdict) {
        Problem problem = verdict == AuthVerdict.SUSPENDED
                ? Problem.of(ProblemType.FORBIDDEN, "Tenant '" + tenant + "' is suspended; the subscription has ended.")
                : Problem.of(ProblemType.UNAUTHORIZED,
                        "The API key that opened the subscription no longer works; the subscription has ended.");
        return sse.newEventBuilder().name(ENDED).data(String.class, json(problem.body())).build();
    }

    /** The value as one line of JSON, the {@code data:} of its SSE frame. */
    private String json(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an event could not be written as JSON", e);
        }
    }
}
