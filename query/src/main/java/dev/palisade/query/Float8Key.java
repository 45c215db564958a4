package dev.palisade.query;

import java.math.BigDecimal;

/**
 * The float8 key of a number: the {@code double} nearest it, {@code ±Infinity} beyond {@code double}'s largest finite
 * value and {@code 0} below half its smallest denormal. An index can hold a number by this key where a comparison of
 * the exact value cannot be an index condition (PostgreSQL's {@code numeric} comparisons are not {@code LEAKPROOF};
 * {@code float8}'s are): the key is monotone ({@code a <= b} implies {@code key(a) <= key(b)}), so a condition on the
 * number implies one on the key, loosened by one {@code double} step either way ({@link #atLeast}, {@link #atMost}),
 * which the index serves; the exact condition on the number, ANDed to it, keeps the result exact.
 * <p>
 * The database side of this rule is {@code palisade_doc_number_key} in {@code deploy/postgres/document-extractors.sql}
 * (the same thresholds); {@code DocumentIndexTypesTest} proves the two agree. Both round to nearest, and the one-step
 * loosening absorbs any difference of one step between them.
 */
public final class Float8Key {

    /** Above this magnitude the key is infinite (PostgreSQL's numeric-to-float8 cast would fail). */
    static final BigDecimal LARGEST = new BigDecimal("1.7976931348623157e308");
    /** Below this magnitude the key is 0 (the cast would underflow to zero and fail). */
    static final BigDecimal SMALLEST = new BigDecimal("2.4703282292062328e-324");

    private Float8Key() {
    }

    /** The key of {@code value}. */
    public static double of(BigDecimal value) {
        if (value.compareTo(LARGEST) > 0) {
            return Double.POSITIVE_INFINITY;
        }
        if (value.compareTo(LARGEST.negate()) < 0) {
            return Double.NEGATIVE_INFINITY;
        }
        if (value.abs().compareTo(SMALLEST) < 0) {
            return 0.0;
        }
        return value.doubleValue();
    }

    /** A bound every key of a number {@code >= value} is at or above. */
    static double atLeast(BigDecimal value) {
        return Math.nextDown(of(value));
    }

    /** A bound every key of a number {@code <= value} is at or below. */
    static double atMost(BigDecimal value) {
        return Math.nextUp(of(value));
    }
}
