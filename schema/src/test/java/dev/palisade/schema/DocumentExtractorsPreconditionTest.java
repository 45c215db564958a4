package dev.palisade.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.Test;

import dev.palisade.testing.TestDatabase;
import liquibase.exception.LiquibaseException;

/**
 * Release 1.4.0 needs the LEAKPROOF document extractors that only a superuser can create (the bootstrap does): without
 * them, or with one that is not LEAKPROOF, the migration stops at 1.4.0 saying what to run, and applies once the
 * bootstrap has run.
 */
class DocumentExtractorsPreconditionTest {

    private static final String ADVICE = "run deploy/postgres/bootstrap.sql of this release as a superuser first";

    @Test
    void migrationStopsUntilTheBootstrapHasCreatedTheLeakproofExtractors() throws Exception {
        try (TestDatabase db = TestDatabase.provision();
                Connection owner = db.connect(db.owner());
                Connection su = db.connect(db.superuser());
                Statement st = su.createStatement()) {
            Changelog changelog = new Changelog(db.app().username());
            // What a database bootstrapped by an earlier release looks like: one extractor is not LEAKPROOF.
            st.execute("ALTER FUNCTION palisade_doc_number_key(jsonb, text[]) NOT LEAKPROOF");
            assertStops(changelog, owner);
            st.execute("DROP FUNCTION palisade_doc_number_key(jsonb, text[])");
            assertStops(changelog, owner);

            st.execute("ALTER FUNCTION palisade_doc_text(jsonb, text[]) OWNER TO " + db.owner().username());
            st.execute(new String(DocumentExtractorsPreconditionTest.class.getClassLoader()
                    .getResourceAsStream("dev/palisade/testing/document-extractors.sql").readAllBytes(),
                    java.nio.charset.StandardCharsets.UTF_8));
            // As bootstrap.sql does after that file: only the owner may execute them, and grant that on.
            String functions = "palisade_doc_text(jsonb, text[]), palisade_doc_boolean(jsonb, text[]), "
                    + "palisade_doc_number_key(jsonb, text[]), palisade_doc_timestamp(jsonb, text[])";
            st.execute("REVOKE ALL ON FUNCTION " + functions + " FROM PUBLIC");
            st.execute("GRANT EXECUTE ON FUNCTION " + functions + " TO " + db.owner().username()
                    + " WITH GRANT OPTION");
            changelog.update(owner);
            assertEquals(0, changelog.pending(owner), "with the bootstrap's extractors, 1.4.0 applies");
            try (ResultSet rs = st.executeQuery("SELECT has_function_privilege('" + db.app().username()
                    + "', 'palisade_doc_number_key(jsonb, text[])', 'EXECUTE'), (SELECT rolsuper FROM pg_roles "
                    + "WHERE oid = (SELECT proowner FROM pg_proc WHERE oid = 'palisade_doc_text(jsonb,text[])'"
                    + "::regprocedure))")) {
                assertTrue(rs.next());
                assertTrue(rs.getBoolean(1), "the service role may call the extractors");
                assertTrue(rs.getBoolean(2), "re-running the extractors' file gives an extractor back to a superuser");
            }
        }
    }

    private static void assertStops(Changelog changelog, Connection owner) throws Exception {
        LiquibaseException e = assertThrows(LiquibaseException.class, () -> changelog.update(owner));
        String messages = "";
        for (Throwable t = e; t != null; t = t.getCause()) {
            messages += t.getMessage() + "\n";
        }
        assertTrue(messages.contains(ADVICE), "the migration says what to do:\n" + messages);
        assertTrue(changelog.pending(owner) > 0, "1.4.0 is not applied");
    }
}
