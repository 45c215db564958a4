package dev.palisade.query;

/**
 * A comparison of one field with a value: the JSON grammar's operators ({@code equals}, {@code not}, {@code in}...),
 * which the Django lookups ({@code exact}, {@code icontains}...) name too.
 */
public enum Op {
    EQUALS, NOT, IN, NOT_IN, LT, LTE, GT, GTE, CONTAINS, STARTS_WITH, ENDS_WITH, IS_NULL, RANGE;

    /** Whether the operator takes a list of values ({@code in}, {@code notIn}, {@code range}). */
    public boolean takesList() {
        return this == IN || this == NOT_IN || this == RANGE;
    }

    /** Whether the operator matches text patterns ({@code %}, {@code _} and {@code \} in its value match literally). */
    public boolean isPattern() {
        return this == CONTAINS || this == STARTS_WITH || this == ENDS_WITH;
    }

    /** Whether the operator orders values ({@code lt}... {@code range}). */
    public boolean isOrdering() {
        return this == LT || this == LTE || this == GT || this == GTE || this == RANGE;
    }
}
