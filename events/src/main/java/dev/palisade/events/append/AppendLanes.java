package dev.palisade.events.append;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.palisade.events.AppendResult;
import dev.palisade.tenancy.TenantId;

/**
 * Group commit for a tenant's appends. A tenant's appends serialise on its position lock until they commit, so the
 * way to more appends per second for one tenant is fewer commits: appends that arrive while one call is in flight
 * queue in the tenant's lane, and one of their threads (the lane's leader) sends them (up to a cap per call) in one
 * call, one transaction, one WAL flush, while the others wait for their own outcome. Each append keeps its own outcome: its own version check, its own result or failure.
 * Different tenants have different lanes and never wait for each other here.
 */
public class AppendLanes {

    /** Runs appends of one tenant in one database call. */
    @FunctionalInterface
    public interface Call {
        List<AppendOutcome> run(TenantId tenant, List<EncodedAppend> appends) throws SQLException;
    }

    private final Map<TenantId, Lane> lanes = new ConcurrentHashMap<>();
    private final Call call;
    private final int maxAppends;
    private final long maxBytes;

    /** At most {@code maxAppends} appends and (unless one alone is larger) {@code maxBytes} go in one call. */
    public AppendLanes(Call call, int maxAppends, long maxBytes) {
        this.call = call;
        this.maxAppends = maxAppends;
        this.maxBytes = maxBytes;
    }

    /** Appends through the tenant's lane and returns this append's own result (or throws its own failure). */
    public AppendResult append(TenantId tenant, EncodedAppend append) {
        Lane lane = lanes.computeIfAbsent(tenant, t -> new Lane());
        Pending mine = new Pending(append);
        lane.queue.add(mine);
        while (true) {
            if (lane.leading.compareAndSet(false, true)) {
                try {
                    for (List<Pending> batch = lane.drain(maxAppends, maxBytes); !batch.isEmpty(); batch = lane
                            .drain(maxAppends, maxBytes)) {
                        run(tenant, batch);
                    }
                } finally {
                    lane.leading.set(false);
                }
                // An append queued after the last drain, whose thread found us leading, must not be left behind.
                if (lane.queue.isEmpty()) {
                    break;
                }
            } else if (mine.outcome.isDone() || mine.awaitOutcome()) {
                break;
            }
        }
        return mine.outcome.join().get();
    }

    private void run(TenantId tenant, List<Pending> batch) {
        List<EncodedAppend> appends = batch.stream().map(p -> p.append).toList();
        try {
            List<AppendOutcome> outcomes = call.run(tenant, appends);
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).outcome.complete(outcomes.get(i));
            }
        } catch (Exception | Error e) {
            if (batch.size() > 1) {
                // Attribute the failure: each append again, alone, gets its own outcome.
                batch.forEach(p -> run(tenant, List.of(p)));
            } else {
                // Never leave a waiting caller without an outcome, whatever went wrong.
                batch.get(0).outcome.complete(AppendOutcome.failed(asRuntime(e, appends.get(0))));
            }
        }
    }

    private static RuntimeException asRuntime(Throwable e, EncodedAppend append) {
        if (e instanceof RuntimeException runtime) {
            return runtime;
        }
        String state = e instanceof SQLException sql ? " (SQL state " + sql.getSQLState() + ")" : "";
        return new IllegalStateException("appending to stream '" + append.command().streamId() + "' failed" + state, e);
    }

    private static final class Pending {
        final EncodedAppend append;
        final CompletableFuture<AppendOutcome> outcome = new CompletableFuture<>();

        Pending(EncodedAppend append) {
            this.append = append;
        }

        /** Waits for the outcome, briefly: then the caller checks whether the lane needs a leader. */
        boolean awaitOutcome() {
            try {
                outcome.get(10, TimeUnit.MILLISECONDS);
                return true;
            } catch (TimeoutException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for an append", e);
            } catch (ExecutionException e) {
                return true;
            }
        }
    }

    private static final class Lane {
        final AtomicBoolean leading = new AtomicBoolean();
        final Queue<Pending> queue = new ConcurrentLinkedQueue<>();

        /** The oldest waiting appends, within the caps (always at least one). */
        List<Pending> drain(int maxAppends, long maxBytes) {
            List<Pending> batch = new ArrayList<>();
            long bytes = 0;
            Pending next;
            while (batch.size() < maxAppends && (next = queue.peek()) != null
                    && (batch.isEmpty() || bytes + next.append.bytes() <= maxBytes)) {
                batch.add(queue.poll());
                bytes += next.append.bytes();
            }
            return batch;
        }
    }
}
