package dev.palisade.documents.index;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import dev.palisade.documents.collection.Collections;
import dev.palisade.documents.collection.CollectionsConfig;
import dev.palisade.documents.collection.DeclarationException;
import io.quarkus.liquibase.LiquibaseFactory;
import io.quarkus.runtime.StartupEvent;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.DirectoryResourceAccessor;

/**
 * Builds the declared indexes in the process that migrates (the migration Job; dev and test, which migrate at start),
 * never in a serving replica: after the released changelogs, it generates {@link IndexChangelog} from the collections
 * file and applies it through Liquibase, as the owner role, recorded in {@code databasechangelog}.
 */
@ApplicationScoped
public class IndexMigration {

    private static final Logger LOG = Logger.getLogger(IndexMigration.class);

    private final Collections collections;
    private final CollectionsConfig config;
    private final LiquibaseFactory liquibase;

    IndexMigration(Collections collections, CollectionsConfig config, LiquibaseFactory liquibase) {
        this.collections = collections;
        this.config = config;
        this.liquibase = liquibase;
    }

    void onStart(@Observes StartupEvent event) throws Exception {
        if (config.buildIndexes()) {
            build();
        }
    }

    /** Applies the generated changelog; refuses an index whose definition changed under the same name. */
    public void build() throws Exception {
        Path dir = Files.createTempDirectory("palisade-indexes");
        try (Liquibase owner = liquibase.createLiquibase()) {
            Connection connection = ((JdbcConnection) owner.getDatabase().getConnection()).getUnderlyingConnection();
            List<IndexState.Status> statuses = IndexState.of(connection, collections.declarations().indexes());
            for (IndexState.Status status : statuses) {
                if (status.condition() == IndexState.Condition.OTHER_DEFINITION) {
                    throw new DeclarationException(collections.declarations().file(), 0, "index '" + status.index()
                            .name() + "' of collection '" + status.index().collection() + "' already exists with "
                            + "other fields; an index never changes in place: declare the new definition under a new "
                            + "name and list the old one under retiredIndexes in a later release.");
                }
            }
            Files.writeString(dir.resolve(IndexChangelog.FILE),
                    IndexChangelog.generate(collections.declarations(), statuses), StandardCharsets.UTF_8);
            // Shares the owner's database connection, which closing `owner` closes.
            @SuppressWarnings("resource")
            Liquibase generated = new Liquibase(IndexChangelog.FILE, new DirectoryResourceAccessor(dir),
                    owner.getDatabase());
            generated.update(new Contexts(), new LabelExpression());
            LOG.infof("Declared document indexes stand: %d built or kept, from %s", statuses.size(),
                    collections.declarations().file());
        } finally {
            deleteQuietly(dir);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var files = Files.list(dir)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            LOG.debug("could not remove a temporary changelog directory", e);
        }
    }
}
