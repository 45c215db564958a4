package dev.palisade.schema.check;

/**
 * A rule of {@code schema/README.md} that {@link SchemaCheck} enforces, named by its number there.
 */
public enum Rule {

    /** Rule 1: every changeset but a {@code tagDatabase} one has an explicit rollback. */
    ROLLBACK(1, "every changeset has an explicit rollback"),
    /** Rule 3: one folder per release, ending with a {@code tagDatabase} of the folder's name. */
    RELEASE_TAG(3, "one folder per release, ending with its tag"),
    /** Rule 5: {@code CREATE INDEX CONCURRENTLY} alone in a changeset with {@code runInTransaction:false}. */
    CONCURRENT_INDEX(5, "concurrent indexes alone, outside transactions"),
    /** Rule 6: {@code tenant_id} leads every primary key, unique key, foreign key and index of a tenant table. */
    TENANT_KEY(6, "tenant_id leads every key and index"),
    /** Rule 7: row-level security enabled and forced, with the {@code tenant_isolation} policy. */
    ROW_LEVEL_SECURITY(7, "row-level security enabled, forced, with the tenant_isolation policy"),
    /** Rule 7: a {@code BEFORE UPDATE} trigger calling {@code palisade_forbid_tenant_change()}. */
    TENANT_GUARD(7, "a row can never move to another tenant"),
    /** Rule 8: grants go to the service role parameter only, and the service role owns nothing. */
    GRANTS(8, "grants go to the app_role parameter only"),
    /** The changelog must apply to an empty database at all, or the catalog rules cannot be checked. */
    APPLIES(0, "the changelog applies to an empty database");

    private final int number;
    private final String summary;

    Rule(int number, String summary) {
        this.number = number;
        this.summary = summary;
    }

    /** The rule's number in {@code schema/README.md} ("Rules every change follows"), 0 for none. */
    public int number() {
        return number;
    }

    /** The rule in a few words. */
    public String summary() {
        return summary;
    }
}
