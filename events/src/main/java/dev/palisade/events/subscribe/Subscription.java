package dev.palisade.events.subscribe;

import java.util.List;
import java.util.concurrent.CompletionStage;

import dev.palisade.events.RecordedEvent;

/**
 * A live read of one tenant's feed: first everything after the starting position, then each new event as it commits,
 * in position order, each exactly once. Pull-based, so a slow consumer is never flooded: ask for the {@link #next()}
 * events when ready for them.
 *
 * <pre>{@code
 * Subscription s = subscriptions.subscribe(tenant, FeedQuery.after(lastSeen));
 * s.next().thenAccept(events -> project(events)); // then ask again
 * }</pre>
 *
 * It survives database restarts and lost notifications: it resumes after the last position it returned.
 */
public interface Subscription extends AutoCloseable {

    /**
     * The next events after those already returned: completes, with at least one event, as soon as there are any.
     * Call again only after the previous stage completed.
     */
    CompletionStage<List<RecordedEvent>> next();

    /** The position of the last event returned (the starting position before any). */
    long position();

    /** Stops the subscription; a pending {@link #next()} stage is cancelled. */
    @Override
    void close();
}
