package dev.palisade.api.events;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import dev.palisade.tenancy.TenancyConfig;
import dev.palisade.tenancy.TenantId;
import dev.palisade.tenancy.apikey.ApiKeyVerifier;
import dev.palisade.tenancy.apikey.AuthVerdict;
import dev.palisade.tenancy.change.TenancyChanged;

/**
 * Ends open subscriptions whose credentials stopped working: each open stream is watched with the tenant and key that
 * opened it, and its key is checked again, on another thread, whenever this replica learns that the tenant changed
 * ({@link TenancyChanged}: a suspension or a revoked key, made here or on another replica, within the notification
 * delay that applies to requests) and, as a backstop for a lost notification, every
 * {@code palisade.tenancy.auth-cache.ttl}. A watch whose key no longer gets {@link AuthVerdict#ACCEPTED} ends with
 * that verdict. A check the database cannot answer keeps the stream open until the next one.
 */
@ApplicationScoped
class SubscriptionCredentials {

    /** The credential of one open stream; {@link #ended()} completes with the verdict that ended it. */
    final class Watch implements AutoCloseable {

        private final TenantId tenant;
        private final String presented;
        private final CompletableFuture<AuthVerdict> ended = new CompletableFuture<>();

        private Watch(TenantId tenant, String presented) {
            this.tenant = tenant;
            this.presented = presented;
        }

        /** Completes, with {@code SUSPENDED} or {@code REJECTED}, when the stream must end. */
        CompletionStage<AuthVerdict> ended() {
            return ended;
        }

        boolean isEnded() {
            return ended.isDone();
        }

        @Override
        public void close() {
            open.remove(this);
        }
    }

    private static final Logger LOG = Logger.getLogger(SubscriptionCredentials.class);

    private final ApiKeyVerifier verifier;
    private final Duration backstop;
    private final Set<Watch> open = ConcurrentHashMap.newKeySet();
    private ScheduledExecutorService checker;

    SubscriptionCredentials(ApiKeyVerifier verifier, TenancyConfig config) {
        this.verifier = verifier;
        Duration ttl = config.authCache().ttl();
        this.backstop = ttl.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : ttl;
    }

    /** Watches the credential {@code presented} (already accepted) of a stream of {@code tenant} until closed. */
    Watch watch(TenantId tenant, String presented) {
        Watch watch = new Watch(tenant, presented);
        open.add(watch);
        checker();
        return watch;
    }

    /** How many streams are watched on this replica. */
    int count() {
        return open.size();
    }

    void onChange(@Observes TenancyChanged change) {
        if (open.stream().anyMatch(w -> change.concerns(w.tenant))) {
            try {
                checker().execute(() -> recheck(w -> change.concerns(w.tenant)));
            } catch (RejectedExecutionException shuttingDown) {
                // the streams are being closed anyway
            }
        }
    }

    private synchronized ScheduledExecutorService checker() {
        if (checker == null) {
            checker = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "palisade-subscription-credentials");
                thread.setDaemon(true);
                return thread;
            });
            long every = backstop.toMillis();
            checker.scheduleWithFixedDelay(() -> recheck(w -> true), every, every, TimeUnit.MILLISECONDS);
        }
        return checker;
    }

    private void recheck(Predicate<Watch> which) {
        for (Watch watch : open) {
            if (watch.isEnded() || !which.test(watch)) {
                continue;
            }
            try {
                AuthVerdict verdict = verifier.verify(watch.tenant, watch.presented);
                if (verdict != AuthVerdict.ACCEPTED) {
                    open.remove(watch);
                    watch.ended.complete(verdict);
                }
            } catch (RuntimeException e) {
                LOG.warnf("The credentials of a subscription of tenant %s could not be checked again; the check is "
                        + "repeated on the next change or in %s", watch.tenant, backstop);
            }
        }
    }

    @PreDestroy
    synchronized void stop() {
        if (checker != null) {
            checker.shutdownNow();
        }
    }
}
