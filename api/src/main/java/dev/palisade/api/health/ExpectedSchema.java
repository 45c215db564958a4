package dev.palisade.api.health;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import liquibase.change.core.TagDatabaseChange;
import liquibase.changelog.ChangeLogParameters;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.exception.LiquibaseException;
import liquibase.parser.ChangeLogParserFactory;
import liquibase.resource.ClassLoaderResourceAccessor;

/**
 * The schema this build of the service expects: the changesets of the changelog on its classpath, read once without a
 * database, and the newest release tag among them.
 */
@ApplicationScoped
public class ExpectedSchema {

    /** A changeset's identity as Liquibase records it. */
    public record ChangeSetId(String id, String author) {
    }

    private final String changeLog;
    private volatile Set<ChangeSetId> changeSets;
    private volatile String release;

    ExpectedSchema(@ConfigProperty(name = "quarkus.liquibase.change-log") String changeLog) {
        this.changeLog = changeLog;
    }

    public Set<ChangeSetId> changeSets() {
        load();
        return changeSets;
    }

    /** The newest release tag of the changelog. */
    public String release() {
        load();
        return release;
    }

    private synchronized void load() {
        if (changeSets != null) {
            return;
        }
        try {
            var resources = new ClassLoaderResourceAccessor(Thread.currentThread().getContextClassLoader());
            DatabaseChangeLog log = ChangeLogParserFactory.getInstance().getParser(changeLog, resources)
                    .parse(changeLog, new ChangeLogParameters(), resources);
            Set<ChangeSetId> ids = new LinkedHashSet<>();
            List<String> tags = new ArrayList<>();
            for (ChangeSet changeSet : log.getChangeSets()) {
                ids.add(new ChangeSetId(changeSet.getId(), changeSet.getAuthor()));
                changeSet.getChanges().stream().filter(TagDatabaseChange.class::isInstance)
                        .forEach(c -> tags.add(((TagDatabaseChange) c).getTag()));
            }
            release = tags.isEmpty() ? null : tags.get(tags.size() - 1);
            changeSets = Set.copyOf(ids);
        } catch (LiquibaseException e) {
            throw new IllegalStateException("the changelog " + changeLog + " on the classpath cannot be read", e);
        }
    }
}
