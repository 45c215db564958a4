package dev.palisade.schema.check;

/**
 * Thrown by {@link SchemaCheck#check()} when a changelog breaks the rules; the message lists every violation with
 * what to fix. An {@link AssertionError}, so that a test runner reports a failed check as a test failure.
 */
public final class SchemaCheckFailure extends AssertionError {

    private static final long serialVersionUID = 1L;

    private final transient SchemaReport report;

    SchemaCheckFailure(SchemaReport report) {
        super(report.toString());
        this.report = report;
    }

    /** The full report. */
    public SchemaReport report() {
        return report;
    }
}
