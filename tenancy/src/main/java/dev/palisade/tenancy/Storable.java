package dev.palisade.tenancy;

import java.math.BigDecimal;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What PostgreSQL stores exactly as sent: the one rule for names, slugs, config values and event data. {@code text}
 * and {@code jsonb} reject U+0000, and the driver silently turns an unpaired UTF-16 surrogate into {@code '?'};
 * {@code jsonb} numbers are {@code numeric}s, at most {@value #MAX_INTEGER_DIGITS} digits before the decimal point
 * and {@value #MAX_FRACTION_DIGITS} after. Whatever breaks the rule is refused naming the field, never stored as
 * something else and never left for the database to fail on.
 *
 * <pre>{@code
 * Storable.flaw(name).ifPresent(reason -> { throw InvalidFieldException.of("name", reason); });
 * }</pre>
 */
public final class Storable {

    /** Appended to a field's path when one of its keys, not its value, cannot be stored: {@code data (a key)}. */
    public static final String A_KEY = " (a key)";

    /** PostgreSQL's limit on digits before the decimal point of a {@code numeric} (and so of a jsonb number). */
    public static final int MAX_INTEGER_DIGITS = 131072;
    /** PostgreSQL's limit on digits after the decimal point of a {@code numeric}. */
    public static final int MAX_FRACTION_DIGITS = 16383;

    /**
     * Why a JSON value cannot be stored, and where: {@code path} is relative to the value checked ({@code ""} for the
     * value itself, else {@code .key} and {@code [index]} steps, ending in {@code " (a key)"} when a key is at fault);
     * {@code reason} completes "Field 'x' ...".
     */
    public record Flaw(String path, String reason) {

        /** The full path of the flaw inside {@code field}. */
        public String within(String field) {
            return field + path;
        }
    }

    private Storable() {
    }

    /** Why {@code text} cannot be stored as it is, or empty when it can. */
    public static Optional<String> flaw(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return Optional.of("contains the character U+0000, which PostgreSQL cannot store; expected text "
                        + "without it.");
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return Optional.of("contains an unpaired UTF-16 surrogate (U+" + Integer.toHexString(c).toUpperCase()
                        + "); expected valid Unicode text.");
            }
        }
        return Optional.empty();
    }

    /** Why {@code number} cannot be stored exactly as a PostgreSQL {@code numeric}, or empty when it can. */
    public static Optional<String> flaw(BigDecimal number) {
        long fraction = Math.max(0, number.scale());
        long integer = (long) number.precision() - number.scale();
        if (fraction > MAX_FRACTION_DIGITS || integer > MAX_INTEGER_DIGITS) {
            return Optional.of("is a number PostgreSQL cannot store exactly (at most " + MAX_INTEGER_DIGITS
                    + " digits before the decimal point and " + MAX_FRACTION_DIGITS + " after); found "
                    + describe(number.toString()) + ".");
        }
        return Optional.empty();
    }

    /** The first key, string or number inside {@code node} that cannot be stored, or empty when all can. */
    public static Optional<Flaw> flaw(JsonNode node) {
        if (node.isTextual()) {
            return flaw(node.textValue()).map(reason -> new Flaw("", reason));
        }
        if (node.isNumber()) {
            return numberFlaw(node).map(reason -> new Flaw("", reason));
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String step = "[" + i + "]";
                Optional<Flaw> inner = flaw(node.get(i));
                if (inner.isPresent()) {
                    return Optional.of(new Flaw(step + inner.get().path(), inner.get().reason()));
                }
            }
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> member = it.next();
                Optional<String> key = flaw(member.getKey());
                if (key.isPresent()) {
                    return Optional.of(new Flaw(A_KEY, key.get()));
                }
                Optional<Flaw> inner = flaw(member.getValue());
                if (inner.isPresent()) {
                    return Optional.of(new Flaw("." + member.getKey() + inner.get().path(), inner.get().reason()));
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> numberFlaw(JsonNode number) {
        if ((number.isDouble() || number.isFloat()) && !Double.isFinite(number.doubleValue())) {
            return Optional.of("is not a finite number; JSON has no NaN or Infinity.");
        }
        return number.isIntegralNumber() ? flaw(new BigDecimal(number.bigIntegerValue())) : flaw(number.decimalValue());
    }

    /** A value as it may appear in a message: quoted when short and printable, otherwise summarised. */
    public static String describe(String value) {
        if (value == null) {
            return "nothing";
        }
        if (value.isEmpty()) {
            return "an empty string";
        }
        if (value.length() > 80) {
            return "a " + value.length() + "-character value";
        }
        return "'" + value.replaceAll("[^\\x20-\\x7e]", "?") + "'";
    }
}
