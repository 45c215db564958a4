package dev.palisade.tenancy.apikey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class VerdictCacheTest {

    private static final long MINUTE = TimeUnit.MINUTES.toNanos(1);

    @Test
    void aCachedValueSavesTheLoadUntilItExpires() throws InterruptedException {
        AtomicInteger loads = new AtomicInteger();
        VerdictCache<String, String> minute = new VerdictCache<>(MINUTE, 100);
        minute.get("k", () -> "v" + loads.incrementAndGet());
        assertEquals("v1", minute.get("k", () -> "v" + loads.incrementAndGet()));
        assertEquals(1, loads.get());

        VerdictCache<String, String> brief = new VerdictCache<>(TimeUnit.MILLISECONDS.toNanos(20), 100);
        brief.get("k", () -> "v" + loads.incrementAndGet());
        Thread.sleep(40);
        assertEquals("v3", brief.get("k", () -> "v" + loads.incrementAndGet()), "an expired entry is loaded again");
    }

    @Test
    void nothingIsStoredForAMissSoUnknownKeysCannotFillIt() {
        VerdictCache<String, String> cache = new VerdictCache<>(MINUTE, 100);
        for (int i = 0; i < 1000; i++) {
            assertNull(cache.get("tenant-" + i, () -> null));
        }
        assertEquals(0, cache.size());
    }

    @Test
    void itNeverHoldsMoreThanItsBound() {
        VerdictCache<Integer, String> cache = new VerdictCache<>(MINUTE, 50);
        for (int i = 0; i < 10_000; i++) {
            int key = i;
            cache.get(key, () -> "v" + key);
            assertTrue(cache.size() <= 50, "size " + cache.size() + " after " + i);
        }
        assertEquals("v9999", cache.get(9999, () -> "reloaded"), "the newest entry is kept");
    }

    @Test
    void aValueLoadedWhileAnInvalidationHappensIsNotStored() {
        VerdictCache<String, String> cache = new VerdictCache<>(MINUTE, 100);
        assertEquals("stale", cache.get("acme/k1", () -> {
            cache.invalidate(k -> k.startsWith("acme/"));
            return "stale";
        }));
        assertEquals("fresh", cache.get("acme/k1", () -> "fresh"), "the stale value was not kept");

        cache.get("globex/k1", () -> {
            cache.invalidateAll();
            return "stale";
        });
        assertEquals("fresh", cache.get("globex/k1", () -> "fresh"));
    }

    @Test
    void invalidationDropsOnlyTheMatchingEntries() {
        VerdictCache<String, String> cache = new VerdictCache<>(MINUTE, 100);
        cache.get("acme/k1", () -> "a");
        cache.get("globex/k1", () -> "g");
        cache.invalidate(k -> k.startsWith("acme/"));
        assertEquals("reloaded", cache.get("acme/k1", () -> "reloaded"));
        assertEquals("g", cache.get("globex/k1", () -> "reloaded"));
        cache.invalidateAll();
        assertEquals(0, cache.size());
    }

    @Test
    void aZeroBoundDisablesCachingAndNegativeSettingsAreRefused() {
        VerdictCache<String, String> off = new VerdictCache<>(MINUTE, 0);
        off.get("k", () -> "v");
        assertEquals(0, off.size());
        assertThrows(IllegalArgumentException.class, () -> new VerdictCache<String, String>(-1, 10));
        assertThrows(IllegalArgumentException.class, () -> new VerdictCache<String, String>(MINUTE, -1));
    }
}
