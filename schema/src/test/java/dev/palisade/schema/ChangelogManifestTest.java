package dev.palisade.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.palisade.schema.ChangelogManifest.ChangeSetId;

class ChangelogManifestTest {

    @Test
    void agreesWithLiquibaseOnTheRealChangelog() throws Exception {
        Changelog liquibase = new Changelog("palisade_app");
        List<ChangeSetId> expected = liquibase.changeSets().stream()
                .map(c -> new ChangeSetId(c.getId(), c.getAuthor())).toList();
        ChangelogManifest manifest = ChangelogManifest.read(getClass().getClassLoader());

        assertFalse(expected.isEmpty());
        assertEquals(expected, manifest.changeSets(), "the light reader must see exactly Liquibase's changesets");
        assertEquals(liquibase.releaseTags(), manifest.releases(), "and exactly its release tags");
    }
}
