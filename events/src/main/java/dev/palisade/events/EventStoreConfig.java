package dev.palisade.events;

import java.time.Duration;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The event store's limits and subscription timing ({@code palisade.events.*}). */
@ConfigMapping(prefix = "palisade.events")
public interface EventStoreConfig {

    /** Most events one append may carry. */
    @WithDefault("1000")
    int maxAppendEvents();

    /** Most bytes one append may carry (its events' data and metadata as JSON; the REST body as sent). */
    @WithDefault("4M")
    MemorySize maxAppendSize();

    /** Most appends of one tenant combined into one database call and commit (group commit). */
    @WithDefault("64")
    int maxCombinedAppends();

    /** Largest page a stream or feed read returns. */
    @WithDefault("1000")
    int maxReadLimit();

    /** Live subscriptions. */
    Subscriptions subscriptions();

    /** How live subscriptions find new events and keep connections open. */
    interface Subscriptions {

        /** How often subscriptions look for new events when no notification came (lost, or another replica's). */
        @WithDefault("1s")
        Duration pollInterval();

        /** How often an idle server-sent event stream sends a heartbeat comment. */
        @WithDefault("15s")
        Duration heartbeatInterval();

        /** Most events a subscription reads from the database at a time. */
        @WithDefault("500")
        int pageSize();

        /** Threads that read for subscriptions; reads are short, indexed queries. */
        @WithDefault("2")
        int readThreads();
    }
}
