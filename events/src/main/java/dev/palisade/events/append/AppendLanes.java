package dev.palisade.events.append;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

import dev.palisade.events.AppendOutcomeUnknownException;
import dev.palisade.events.AppendResult;
import dev.palisade.events.EventStoreUnavailableException;
import dev.palisade.tenancy.TenantId;

/**
 * Group commit for a tenant's appends. A tenant's appends serialise on its position lock until they commit, so the
 * way to more appends per second for one tenant is fewer commits: appends queue in the tenant's lane, and the lane's
 * writer sends all that are waiting (up to a cap per call) in one call, one transaction, one WAL flush. The writer is
 * the caller that found the lane idle, until its own append is done (no thread handoff for an append that waits for
 * no other); then, if more are waiting, a thread of its own while the lane has work. Each append keeps its own outcome: its own version check, its own result or
 * failure; its caller waits only for that. Different tenants have different lanes and writers, so a tenant whose
 * appends wait (for a caller's long transaction, say) holds up no other tenant. A lane lives only while it has work,
 * so a service that has seen a million tenants holds lanes for the few appending right now, not for all of them.
 */
public class AppendLanes implements AutoCloseable {

    /**
     * Runs appends of one tenant in one database call, committed when it returns: an outcome per append, in order.
     * It throws {@link EventStoreUnavailableException} when the database failed the call as a whole (every append of
     * the call gets that failure), and any other exception for a failure one of the appends may have caused.
     */
    @FunctionalInterface
    public interface Call {
        List<AppendOutcome> run(TenantId tenant, List<EncodedAppend> appends);
    }

    /** A safety net only: a caller is woken as soon as its append is done. */
    private static final long PATIENCE_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private final Map<TenantId, Lane> lanes = new ConcurrentHashMap<>();
    // Unbounded on purpose: a writer blocked on one tenant's lock must never delay another tenant's lane. Writers
    // exist only while lanes have work (idle threads end after a minute).
    private final ExecutorService writers = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "palisade-append-lane");
        thread.setDaemon(true);
        return thread;
    });
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
        Pending mine = new Pending(append);
        // Queued inside compute, so it cannot land in a lane that its writer is retiring (see retire).
        Lane lane = lanes.compute(tenant, (t, existing) -> {
            Lane target = existing != null ? existing : new Lane();
            target.queue.add(mine);
            return target;
        });
        if (lane.writing.compareAndSet(false, true)) {
            if (writers.isShutdown()) {
                handOff(tenant, lane);
            } else {
                writeOwn(tenant, lane, mine);
            }
        }
        // The append may be on its way to the database already, so an interrupt does not abandon it: the caller
        // still learns whether it was written, and the interrupt is restored afterwards.
        boolean interrupted = false;
        while (!mine.isDone()) {
            LockSupport.parkNanos(this, PATIENCE_NANOS);
            interrupted |= Thread.interrupted();
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return mine.outcome.get();
    }

    /**
     * The caller that found its lane idle writes, on its own thread, until its own append is done: an append that
     * does not wait for another costs no thread handoff. What queued meanwhile goes to a writer thread, so a caller
     * never writes longer than its own append takes (plus the batches queued before it).
     */
    private void writeOwn(TenantId tenant, Lane lane, Pending mine) {
        while (!mine.isDone()) {
            run(tenant, lane.drain(maxAppends, maxBytes));
        }
        if (!lane.queue.isEmpty()) {
            handOff(tenant, lane);
            return;
        }
        lane.writing.set(false);
        // As in serve: an append queued after the last drain, whose caller found the lane being written.
        if (!lane.queue.isEmpty() && lane.writing.compareAndSet(false, true)) {
            handOff(tenant, lane);
            return;
        }
        retire(tenant, lane);
    }

    /** Gives a lane that this thread is writing (and that has appends queued) to a writer thread of its own. */
    private void handOff(TenantId tenant, Lane lane) {
        try {
            writers.execute(() -> serve(tenant, lane, batch -> run(tenant, batch)));
        } catch (RuntimeException | Error noWriter) {
            // No thread to write with (closed, or none can be created): fail what waits instead of leaving it.
            serve(tenant, lane, batch -> batch.forEach(p -> p.complete(AppendOutcome.failed(
                    new EventStoreUnavailableException("Appending failed: no writer thread can run now (the "
                            + "service is stopping or out of threads); nothing was written.", noWriter)))));
        }
    }

    /** Handles what is waiting in the lane until nothing is, then leaves (or carries on if more came). */
    private void serve(TenantId tenant, Lane lane, Consumer<List<Pending>> handler) {
        do {
            for (List<Pending> batch = lane.drain(maxAppends, maxBytes); !batch.isEmpty(); batch = lane
                    .drain(maxAppends, maxBytes)) {
                handler.accept(batch);
            }
            lane.writing.set(false);
            // An append queued after the last drain, whose caller found the lane being written, is not left behind.
        } while (!lane.queue.isEmpty() && lane.writing.compareAndSet(false, true));
        retire(tenant, lane);
    }

    /**
     * Drops an idle lane from the map. Appends are queued under the map's lock for the tenant, so either one got in
     * first (the queue is not empty, or another writer has the lane: the lane stays) or it comes after and makes a
     * new lane; no append is ever queued in a lane nobody will write.
     */
    private void retire(TenantId tenant, Lane lane) {
        lanes.computeIfPresent(tenant, (t, current) -> current == lane && current.queue.isEmpty()
                && !current.writing.get() ? null : current);
    }

    /** How many tenants have a lane now (appends queued or being written). */
    int activeLanes() {
        return lanes.size();
    }

    @Override
    public void close() {
        writers.shutdown();
    }

    private void run(TenantId tenant, List<Pending> batch) {
        List<EncodedAppend> appends = batch.stream().map(p -> p.append).toList();
        try {
            List<AppendOutcome> outcomes = call.run(tenant, appends);
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).complete(outcomes.get(i));
            }
        } catch (EventStoreUnavailableException e) {
            // The database's trouble, not an append's: trying each alone would only make every caller wait longer.
            batch.forEach(p -> p.complete(AppendOutcome.failed(e)));
        } catch (RuntimeException | Error e) {
            if (batch.size() > 1) {
                // Attribute the failure: each append again, alone, gets its own outcome.
                batch.forEach(p -> run(tenant, List.of(p)));
            } else {
                // Never leave a waiting caller without an outcome, whatever went wrong.
                batch.get(0).complete(AppendOutcome.failed(asRuntime(e, appends.get(0))));
            }
        }
    }

    private static RuntimeException asRuntime(Throwable e, EncodedAppend append) {
        if (e instanceof RuntimeException runtime) {
            return runtime;
        }
        // An Error may strike after the call committed.
        return new AppendOutcomeUnknownException("Appending to stream '" + append.command().streamId()
                + "' failed unexpectedly, so whether it was written is unknown; send it again with the same "
                + "eventIds, which is safe.", e);
    }

    private static final class Pending {
        final EncodedAppend append;
        final Thread waiter = Thread.currentThread();
        volatile AppendOutcome outcome;

        Pending(EncodedAppend append) {
            this.append = append;
        }

        boolean isDone() {
            return outcome != null;
        }

        void complete(AppendOutcome result) {
            outcome = result;
            LockSupport.unpark(waiter);
        }
    }

    private static final class Lane {
        final AtomicBoolean writing = new AtomicBoolean();
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
