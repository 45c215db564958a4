package dev.palisade.schema.check;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What {@link SchemaCheck} found: every {@link Violation}, in the order the rules were checked.
 *
 * @param changelog the changelog checked
 * @param changeSets how many changesets it holds
 * @param tenantTables the tables with a {@code tenant_id} column after migration, which the catalog rules covered
 * @param violations every violation, empty when the changelog follows the rules
 */
public record SchemaReport(String changelog, int changeSets, List<String> tenantTables, List<Violation> violations) {

    public SchemaReport {
        tenantTables = List.copyOf(tenantTables);
        violations = List.copyOf(violations);
    }

    /** Whether the changelog follows every rule. */
    public boolean passed() {
        return violations.isEmpty();
    }

    /** The violations of one rule. */
    public List<Violation> violations(Rule rule) {
        return violations.stream().filter(v -> v.rule() == rule).toList();
    }

    /**
     * Throws {@link SchemaCheckFailure} (an {@link AssertionError}, so JUnit reports a failed test) listing every
     * violation, unless there is none.
     *
     * @return this report, when it passed
     */
    public SchemaReport orThrow() {
        if (!passed()) {
            throw new SchemaCheckFailure(this);
        }
        return this;
    }

    /** The report as text: a summary line, then one line per violation. */
    @Override
    public String toString() {
        if (passed()) {
            return changelog + " follows the schema rules (" + changeSets + " changesets, tenant tables "
                    + tenantTables + ")";
        }
        return violations.stream().map(v -> "  - " + v).collect(Collectors.joining("\n",
                changelog + " breaks the schema rules in " + violations.size() + " place(s):\n", ""));
    }
}
