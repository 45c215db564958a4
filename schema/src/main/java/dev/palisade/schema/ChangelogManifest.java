package dev.palisade.schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The changesets and release tags of {@value #MASTER}, read from the classpath without Liquibase.
 * <p>
 * The service's readiness check needs only the identities of the changesets it ships, and loading Liquibase's parser
 * for that would cost hundreds of milliseconds of startup. This reader understands exactly the subset of changelog
 * syntax that schema/README.md allows (YAML includes, YAML changesets, formatted-SQL changesets); a test in this module
 * proves it agrees with Liquibase's own parser on the real changelog.
 *
 * <pre>{@code
 * ChangelogManifest manifest = ChangelogManifest.read(getClass().getClassLoader());
 * manifest.latestRelease(); // "1.1.0"
 * }</pre>
 */
public record ChangelogManifest(List<ChangeSetId> changeSets, List<String> releases) {

    /** Classpath location of the master changelog. */
    public static final String MASTER = "db/changelog/master.yaml";

    /** A changeset's identity, as Liquibase records it in {@code databasechangelog}. */
    public record ChangeSetId(String id, String author) {
        public ChangeSetId {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(author, "author");
        }
    }

    private static final Pattern INCLUDE = Pattern.compile("^\\s*-?\\s*file:\\s*(\\S+)\\s*$");
    private static final Pattern YAML_CHANGESET = Pattern.compile("^\\s*-\\s*changeSet:\\s*$");
    private static final Pattern YAML_ID = Pattern.compile("^\\s*id:\\s*(\\S+)\\s*$");
    private static final Pattern YAML_AUTHOR = Pattern.compile("^\\s*author:\\s*(\\S+)\\s*$");
    private static final Pattern YAML_TAG = Pattern.compile("^\\s*tag:\\s*(\\S+)\\s*$");
    private static final Pattern SQL_CHANGESET = Pattern.compile("^--\\s*changeset\\s+([^:\\s]+):(\\S+).*$");

    public ChangelogManifest {
        changeSets = List.copyOf(changeSets);
        releases = List.copyOf(releases);
    }

    /** Reads the master changelog and everything it includes. */
    public static ChangelogManifest read(ClassLoader classLoader) {
        List<ChangeSetId> changeSets = new ArrayList<>();
        List<String> releases = new ArrayList<>();
        readYaml(classLoader, MASTER, changeSets, releases);
        return new ChangelogManifest(changeSets, releases);
    }

    /** The newest release tag, or {@code null} when the changelog tags none. */
    public String latestRelease() {
        return releases.isEmpty() ? null : releases.get(releases.size() - 1);
    }

    private static void readYaml(ClassLoader loader, String path, List<ChangeSetId> changeSets, List<String> tags) {
        String id = null;
        String author = null;
        for (String line : lines(loader, path)) {
            Matcher m;
            if ((m = INCLUDE.matcher(line)).matches()) {
                String included = resolve(path, m.group(1));
                if (included.endsWith(".sql")) {
                    readSql(loader, included, changeSets);
                } else {
                    readYaml(loader, included, changeSets, tags);
                }
            } else if (YAML_CHANGESET.matcher(line).matches()) {
                id = null;
                author = null;
            } else if ((m = YAML_ID.matcher(line)).matches()) {
                id = m.group(1);
            } else if ((m = YAML_AUTHOR.matcher(line)).matches()) {
                author = m.group(1);
                changeSets.add(new ChangeSetId(Objects.requireNonNull(id, "id before author in " + path), author));
            } else if ((m = YAML_TAG.matcher(line)).matches()) {
                tags.add(m.group(1));
            }
        }
    }

    private static void readSql(ClassLoader loader, String path, List<ChangeSetId> changeSets) {
        for (String line : lines(loader, path)) {
            Matcher m = SQL_CHANGESET.matcher(line.trim());
            if (m.matches()) {
                changeSets.add(new ChangeSetId(m.group(2), m.group(1)));
            }
        }
    }

    private static String resolve(String from, String file) {
        int slash = from.lastIndexOf('/');
        return slash < 0 ? file : from.substring(0, slash + 1) + file;
    }

    private static List<String> lines(ClassLoader loader, String path) {
        try (InputStream in = loader.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("changelog file " + path + " is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read changelog file " + path, e);
        }
    }
}
