package dev.palisade.tenancy;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/**
 * The one rule for "did you mean": the known name nearest to an unknown one (Levenshtein distance, ignoring case),
 * when it is near enough to be a likely typo (at most 2 edits, or a third of the name's length). Used for unknown JSON
 * fields, unknown collections and unknown keys of the collections file.
 *
 * <pre>{@code
 * ClosestNames.closest("custmers", List.of("customers", "orders")) // Optional[customers]
 * }</pre>
 */
public final class ClosestNames {

    private ClosestNames() {
    }

    /** The name of {@code known} nearest to {@code name}, or empty when none is near enough. */
    public static Optional<String> closest(String name, Collection<?> known) {
        if (name == null) {
            return Optional.empty();
        }
        String wanted = name.toLowerCase(Locale.ROOT);
        int limit = Math.max(2, name.length() / 3);
        return known.stream().map(Object::toString)
                .map(k -> new Candidate(k, distance(wanted, k.toLowerCase(Locale.ROOT))))
                .filter(c -> c.distance() <= limit)
                .min(Comparator.comparingInt(Candidate::distance).thenComparing(Candidate::name))
                .map(Candidate::name);
    }

    private record Candidate(String name, int distance) {
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
