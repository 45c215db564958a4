package dev.palisade.query;

import java.util.Collection;
import java.util.Comparator;

/**
 * The known name nearest to an unknown one, when it is near enough to be a likely typo ("did you mean
 * {@code createdAt}?"): the one closest-name rule, used for query fields and for request bodies' keys alike.
 */
public final class Names {

    private Names() {
    }

    /** The name in {@code known} nearest to {@code name} (case ignored), or {@code null} if none is near. */
    public static String closest(String name, Collection<?> known) {
        if (name == null) {
            return null;
        }
        String wanted = name.toLowerCase();
        return known.stream().map(Object::toString).filter(k -> distance(wanted, k.toLowerCase()) <= bound(name))
                .min(Comparator.comparingInt((String k) -> distance(wanted, k.toLowerCase()))
                        .thenComparing(Comparator.naturalOrder()))
                .orElse(null);
    }

    private static int bound(String name) {
        return Math.max(2, name.length() / 3);
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
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
