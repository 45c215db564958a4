package dev.palisade.schema.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Each broken changelog under {@code check/} departs from {@code check/good-1.0.0} in one way, and the check must
 * report exactly that departure, naming the object and the fix.
 */
class SchemaCheckTest {

    @Test
    void aChangelogThatFollowsTheRulesPasses() {
        SchemaReport report = SchemaCheck.of("check/good.yaml").check();
        assertEquals(List.of("invoices"), report.tenantTables(), report::toString);
        assertEquals(4, report.changeSets(), "two changesets and a tag in each of two release folders");
    }

    @Test
    void aTenantTableWithoutRowLevelSecurityFailsSayingHowToEnableIt() {
        SchemaCheckFailure failure = assertThrows(SchemaCheckFailure.class,
                () -> SchemaCheck.of("check/no-rls.yaml").check());
        Violation v = only(failure.report(), Rule.ROW_LEVEL_SECURITY);
        assertEquals("table invoices", v.subject());
        assertEquals("ALTER TABLE invoices ENABLE ROW LEVEL SECURITY;", v.fix());
        assertTrue(failure.getMessage().contains("table invoices: row-level security is not enabled. Fix: ALTER"
                + " TABLE invoices ENABLE ROW LEVEL SECURITY;"), failure.getMessage());
    }

    @Test
    void aTenantTableWithoutForcedRowLevelSecurityFails() {
        Violation v = only(report("no-force"), Rule.ROW_LEVEL_SECURITY);
        assertTrue(v.problem().contains("not forced"), v::toString);
        assertEquals("ALTER TABLE invoices FORCE ROW LEVEL SECURITY;", v.fix());
    }

    @Test
    void aPolicyThatLetsAnyTenantsRowsInFails() {
        Violation v = only(report("open-policy"), Rule.ROW_LEVEL_SECURITY);
        assertTrue(v.problem().contains("WITH CHECK 'true'"), v::toString);
        assertTrue(v.fix().startsWith("recreate it: CREATE POLICY tenant_isolation ON invoices USING (tenant_id ="),
                v::toString);
    }

    @Test
    void anIndexNotLedByTenantIdFailsNamingTheIndex() {
        Violation v = only(report("index-not-led"), Rule.TENANT_KEY);
        assertEquals("index invoices_status_ix on tenant table invoices", v.subject());
        assertTrue(v.problem().startsWith("leads with status: CREATE INDEX invoices_status_ix"), v::toString);
        assertTrue(v.fix().startsWith("make tenant_id its first column, e.g. (tenant_id, status"), v::toString);
    }

    @Test
    void aTenantTableWithoutTheTenantGuardFails() {
        Violation v = only(report("no-guard"), Rule.TENANT_GUARD);
        assertEquals("CREATE TRIGGER invoices_tenant_guard BEFORE UPDATE ON invoices FOR EACH ROW EXECUTE FUNCTION "
                + "palisade_forbid_tenant_change();", v.fix());
    }

    @Test
    void aGrantToAHardCodedRoleFailsNamingTheChangeset() {
        // Whether palisade_app exists on this server decides only whether the changelog applies at all.
        SchemaReport report = report("hard-coded-grant");
        List<Violation> grants = report.violations(Rule.GRANTS);
        assertEquals(1, grants.size(), report::toString);
        Violation v = grants.get(0);
        assertEquals("changeset check:hard-coded-grant-001-invoices "
                + "(check/hard-coded-grant-1.0.0/001-invoices.sql)", v.subject());
        assertTrue(v.problem().contains("'palisade_app'"), v::toString);
        assertTrue(v.fix().startsWith("grant to ${app_role} only"), v::toString);
        assertTrue(report.violations().stream().allMatch(x -> x.rule() == Rule.GRANTS || x.rule() == Rule.APPLIES),
                report::toString);
    }

    @Test
    void aChangesetWithoutRollbackFails() {
        Violation v = only(report("no-rollback"), Rule.ROLLBACK);
        assertEquals("changeset check:no-rollback-001-invoices (check/no-rollback-1.0.0/001-invoices.sql)",
                v.subject());
        assertTrue(v.fix().contains("--rollback"), v::toString);
    }

    @Test
    void aConcurrentIndexInsideATransactionFails() {
        SchemaReport report = report("concurrent");
        assertEquals(List.of(Rule.CONCURRENT_INDEX, Rule.APPLIES), report.violations().stream().map(Violation::rule)
                .toList(), report::toString);
        Violation v = report.violations().get(0);
        assertEquals("changeset check:concurrent-002-invoices-customer-ix (check/concurrent-1.0.0/001-invoices.sql)",
                v.subject());
        assertTrue(v.fix().contains("runInTransaction:false"), v::toString);
    }

    @Test
    void aReleaseFolderWithoutItsTagFails() {
        Violation v = only(report("untagged"), Rule.RELEASE_TAG);
        assertEquals("release folder check/untagged-1.0.0", v.subject());
        assertTrue(v.fix().contains("tagDatabase: {tag: untagged-1.0.0, keepTagOnRollback: true}"), v::toString);
    }

    @Test
    void aTagInTheMiddleOfAReleaseFails() {
        Violation v = only(report("mid-tag"), Rule.RELEASE_TAG);
        assertEquals("changeset check:mid-tag-early (check/mid-tag-1.0.0/changelog.yaml)", v.subject());
        assertTrue(v.problem().contains("in the middle of its release folder"), v::toString);
    }

    @Test
    void aChangelogThatIsNotThereIsAnErrorNotAPass() {
        assertThrows(IllegalArgumentException.class, () -> SchemaCheck.of("check/missing.yaml").report());
    }

    private static SchemaReport report(String name) {
        return SchemaCheck.of("check/" + name + ".yaml").report();
    }

    /** The report's only violation, which must be of this rule. */
    private static Violation only(SchemaReport report, Rule rule) {
        assertEquals(1, report.violations().size(), report::toString);
        Violation v = report.violations().get(0);
        assertEquals(rule, v.rule(), report::toString);
        return v;
    }
}
