package dev.palisade.events;

import java.util.Objects;

import dev.palisade.tenancy.TenantId;

/**
 * A CDI event fired after a transaction that appended events to {@code tenant}'s feed has committed, never inside
 * it: the feed now holds every position up to {@code lastPosition}. Subscriptions observe it to wake at once; it is
 * the seam that keeps notification work out of the append's transaction.
 *
 * <pre>{@code
 * void onCommit(@Observes EventsCommitted committed) { wake(committed.tenant()); }
 * }</pre>
 */
public record EventsCommitted(TenantId tenant, long lastPosition) {

    public EventsCommitted {
        Objects.requireNonNull(tenant, "tenant");
        if (lastPosition < 1) {
            throw new IllegalArgumentException("lastPosition must be 1 or more; found " + lastPosition);
        }
    }
}
