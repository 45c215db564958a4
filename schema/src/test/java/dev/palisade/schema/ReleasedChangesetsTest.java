package dev.palisade.schema;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import liquibase.ChecksumVersion;
import liquibase.changelog.ChangeSet;

/**
 * Rule 2 of schema/README.md, machine-checked: every changeset of a released folder has the checksum pinned in
 * {@value #PINS}, so an edit, addition or removal in a released release fails the build.
 * <p>
 * The checksums are Liquibase's own ({@link ChangeSet#generateCheckSum}), the value it writes to
 * {@code databasechangelog.md5sum} and compares on every later update: a database that ran the released changeset
 * would refuse the edited one.
 */
class ReleasedChangesetsTest {

    static final String PINS = "released-changesets.txt";
    /** Liquibase expands {@code ${app_role}} before it checksums, so the pins hold for this role name. */
    static final String APP_ROLE = "palisade_app";
    private static final Pattern RELEASE = Pattern.compile("^\\[(\\S+)]$");
    private static final Pattern PIN = Pattern.compile("^(\\S+) (\\S+)$");
    private static final Pattern FOLDER = Pattern.compile("^db/changelog/([^/]+)/");

    /** The pinned checksums of one released folder, by changeset key ({@code path::id::author}). */
    record Release(String name, Map<String, String> checksums) {
    }

    @Test
    void releasedChangesetsAreNeverEdited() throws Exception {
        Map<String, Map<String, String>> actual = checksumsByFolder(new Changelog(APP_ROLE).changeSets());
        List<String> problems = new ArrayList<>();
        for (Release release : pinned()) {
            Map<String, String> now = actual.getOrDefault(release.name(), Map.of());
            if (release.checksums().isEmpty()) {
                problems.add("Release " + release.name() + " is listed as released but none of its changesets is "
                        + "pinned. Pin them by adding these lines under [" + release.name() + "] in " + PINS + ":\n"
                        + lines(now));
                continue;
            }
            release.checksums().forEach((key, pinned) -> {
                String current = now.get(key);
                if (current == null) {
                    problems.add("Changeset " + key + " of released release " + release.name() + " is gone. A "
                            + "released changeset is never removed: restore it, and undo its effect with a new "
                            + "changeset in the next release.");
                } else if (!current.equals(pinned)) {
                    problems.add("Changeset " + key + " of released release " + release.name() + " was edited "
                            + "(checksum " + pinned + " is now " + current + "). A released changeset is never "
                            + "edited: every database that ran it holds its checksum. Undo the edit and add a new "
                            + "changeset in the next release instead (schema/README.md, rule 2).");
                }
            });
            now.keySet().stream().filter(key -> !release.checksums().containsKey(key))
                    .forEach(key -> problems.add("Changeset " + key + " was added to released release "
                            + release.name() + ". A released folder is closed: move the changeset to the next "
                            + "release's folder."));
        }
        if (!problems.isEmpty()) {
            fail(String.join("\n\n", problems));
        }
    }

    @Test
    void everyLandedReleaseIsPinned() throws IOException {
        List<String> names = pinned().stream().map(Release::name).toList();
        assertTrue(names.containsAll(List.of("1.0.0", "1.1.0", "1.2.0", "1.3.0")), "pinned releases: " + names);
        assertFalse(pinned().stream().anyMatch(r -> r.checksums().isEmpty()), "every listed release has pins");
    }

    private static Map<String, Map<String, String>> checksumsByFolder(List<ChangeSet> changeSets) {
        Map<String, Map<String, String>> byFolder = new LinkedHashMap<>();
        for (ChangeSet changeSet : changeSets) {
            Matcher folder = FOLDER.matcher(changeSet.getFilePath());
            if (!folder.find()) {
                throw new AssertionError("changeset outside a release folder: " + changeSet);
            }
            String key = changeSet.getFilePath() + "::" + changeSet.getId() + "::" + changeSet.getAuthor();
            byFolder.computeIfAbsent(folder.group(1), f -> new LinkedHashMap<>())
                    .put(key, changeSet.generateCheckSum(ChecksumVersion.latest()).toString());
        }
        return byFolder;
    }

    private static List<Release> pinned() throws IOException {
        List<Release> releases = new ArrayList<>();
        try (InputStream in = ReleasedChangesetsTest.class.getClassLoader().getResourceAsStream(PINS)) {
            if (in == null) {
                throw new AssertionError(PINS + " is missing from the test resources");
            }
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            for (int n = 0; n < lines.length; n++) {
                String line = lines[n].strip();
                Matcher release = RELEASE.matcher(line);
                Matcher pin = PIN.matcher(line);
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                } else if (release.matches()) {
                    releases.add(new Release(release.group(1), new LinkedHashMap<>()));
                } else if (pin.matches() && !releases.isEmpty()) {
                    releases.get(releases.size() - 1).checksums().put(pin.group(1), pin.group(2));
                } else {
                    throw new AssertionError(PINS + " line " + (n + 1) + " is neither [release] nor "
                            + "'path::id::author checksum': " + line);
                }
            }
        }
        return releases;
    }

    private static String lines(Map<String, String> checksums) {
        StringBuilder out = new StringBuilder();
        checksums.forEach((key, checksum) -> out.append(key).append(' ').append(checksum).append('\n'));
        return out.toString();
    }
}
