package dev.palisade.api.json;

import java.time.Instant;
import java.util.Random;

/** Instants for the formatting tests. */
public final class Instants {

    private Instants() {
    }

    /**
     * An instant from {@code firstSecond} on, within {@code span} seconds, at whole-second, milli-, micro- or
     * nanosecond precision by {@code i % 4} (PostgreSQL records microseconds).
     */
    public static Instant random(Random random, int i, long firstSecond, long span) {
        long second = firstSecond + (long) (random.nextDouble() * span);
        int nano = switch (i % 4) {
            case 0 -> 0;
            case 1 -> random.nextInt(1_000) * 1_000_000;
            case 2 -> random.nextInt(1_000_000) * 1_000;
            default -> random.nextInt(1_000_000_000);
        };
        return Instant.ofEpochSecond(second, nano);
    }
}
