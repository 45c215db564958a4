package dev.palisade.tenancy.apikey;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The API key checks' cache: entries expire after a time to live, the map holds at most a fixed number of them (plus
 * at most one per load running at that moment), and a value loaded while an invalidation was announced is not stored
 * (it may predate the change).
 * <p>
 * The bound matters because what is cached is driven by clients: only keys that exist are stored, but a client that
 * holds many keys, or a long-running process, must not make the map grow without end. When full, expired entries go
 * first, then arbitrary ones: the cache only saves database round trips, so dropping an entry costs one query.
 * Invalidation state is one counter for all tenants rather than one per tenant, so nothing grows with the number of
 * tenant ids that requests present, existing or not.
 */
final class VerdictCache<K, V> {

    private record Entry<V>(V value, long expiresAt) {
    }

    private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    private final long ttlNanos;
    private final int maxEntries;

    VerdictCache(long ttlNanos, int maxEntries) {
        if (ttlNanos < 0 || maxEntries < 0) {
            throw new IllegalArgumentException("ttl and max entries must not be negative");
        }
        this.ttlNanos = ttlNanos;
        this.maxEntries = maxEntries;
    }

    /**
     * The cached value, or else the loaded one, which is stored if it is not null and no invalidation happened
     * while it was loading.
     */
    V get(K key, Supplier<V> loader) {
        Entry<V> cached = entries.get(key);
        long now = System.nanoTime();
        if (cached != null && cached.expiresAt() - now > 0) {
            return cached.value();
        }
        long before = generation.get();
        V loaded = loader.get();
        if (loaded != null && maxEntries > 0 && generation.get() == before) {
            makeRoom();
            entries.put(key, new Entry<>(loaded, System.nanoTime() + ttlNanos));
            if (generation.get() != before) {
                // An invalidation raced with the put: it may have run before the entry was there to be removed.
                entries.remove(key);
            }
        }
        return loaded;
    }

    /** Drops the matching entries, and keeps values being loaded right now from being stored. */
    void invalidate(Predicate<K> matching) {
        generation.incrementAndGet();
        entries.keySet().removeIf(matching);
    }

    /** Drops every entry (and, like {@link #invalidate}, values being loaded now). */
    void invalidateAll() {
        generation.incrementAndGet();
        entries.clear();
    }

    int size() {
        return entries.size();
    }

    /** When full: drops the expired entries, then arbitrary ones down to 90% so the next misses need no sweep. */
    private void makeRoom() {
        if (entries.size() < maxEntries) {
            return;
        }
        long now = System.nanoTime();
        entries.values().removeIf(e -> e.expiresAt() - now <= 0);
        int target = maxEntries - Math.max(1, maxEntries / 10);
        Iterator<K> keys = entries.keySet().iterator();
        while (entries.size() > target && keys.hasNext()) {
            keys.next();
            keys.remove();
        }
    }
}
