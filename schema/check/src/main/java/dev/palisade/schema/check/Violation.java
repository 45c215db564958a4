package dev.palisade.schema.check;

import java.util.Objects;

/**
 * One place where a changelog breaks a {@link Rule}: what is wrong, where, and what to change.
 *
 * @param rule the rule broken
 * @param subject what breaks it, e.g. {@code table invoices}, {@code index invoices_status_ix} or
 *        {@code changeset invoices:1.0.0-001 (db/changelog/invoices-1.0.0/001-invoices.sql)}
 * @param problem what was found
 * @param fix what to write instead
 */
public record Violation(Rule rule, String subject, String problem, String fix) {

    public Violation {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(fix, "fix");
    }

    /** One line: the subject, the problem, the fix and the rule it comes from. */
    @Override
    public String toString() {
        String where = rule.number() > 0 ? "schema/README.md rule " + rule.number() + ": " : "";
        return subject + ": " + problem + ". Fix: " + fix + " (" + where + rule.summary() + ")";
    }
}
