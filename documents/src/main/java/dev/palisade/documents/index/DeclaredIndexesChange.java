package dev.palisade.documents.index;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

import dev.palisade.documents.collection.CollectionDeclaration;
import dev.palisade.documents.collection.Collections;
import dev.palisade.documents.collection.Declarations;
import dev.palisade.documents.collection.DeclaredIndex;
import liquibase.change.custom.CustomTaskChange;
import liquibase.change.custom.CustomTaskRollback;
import liquibase.database.Database;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.CustomChangeException;
import liquibase.exception.ValidationErrors;
import liquibase.resource.ResourceAccessor;

/**
 * The Liquibase change that makes the database's declared indexes match the collections file: builds each declared
 * index {@code CONCURRENTLY} ({@link DeclaredIndex#createSql()}, {@code tenant_id} first), records its definition's
 * fingerprint as its comment, rebuilds one a failed build left invalid, and drops the retired ones
 * {@code CONCURRENTLY}. It refuses an index whose fields changed under the same name. An index schema 1.3.0 built on
 * its one-argument extractors (not LEAKPROOF) is replaced expand/contract: the new one is built {@code CONCURRENTLY}
 * beside it ({@link DeclaredIndex#replacementName()}), the old one dropped {@code CONCURRENTLY}, and the new one renamed
 * to the index's name; a unique index stays enforced throughout (by the old one, then by both, then by the new).
 * Each declared index's fields get planner statistics ({@link IndexStatistics}), dropped once their index is gone.
 * <p>
 * The service's changelog ({@code db/changelog/service.yaml} in the API) runs it after the released changelogs, in a
 * {@code runAlways} changeset outside a transaction, so only the process that migrates (the migration Job; dev and
 * test) ever builds an index, and every migration converges on the file. Each statement is a no-op for an index that
 * already stands as declared.
 */
public class DeclaredIndexesChange implements CustomTaskChange, CustomTaskRollback {

    private static final Logger LOG = Logger.getLogger(DeclaredIndexesChange.class);

    @Override
    public void execute(Database database) throws CustomChangeException {
        Declarations declarations = declarations();
        try {
            Connection connection = connection(database);
            List<IndexState.Status> statuses = IndexState.of(connection, declarations.indexes());
            for (IndexState.Status status : statuses) {
                if (status.condition() == IndexState.Condition.OTHER_DEFINITION) {
                    throw new CustomChangeException(declarations.file() + ": index '" + status.index().name()
                            + "' of collection '" + status.index().collection() + "' already exists with other "
                            + "fields; an index never changes in place: declare the new definition under a new name "
                            + "and list the old one under retiredIndexes in a later release.");
                }
            }
            try (Statement st = connection.createStatement()) {
                for (IndexState.Status status : statuses) {
                    DeclaredIndex index = status.index();
                    switch (status.condition()) {
                        case INVALID -> {
                            st.execute(DeclaredIndex.dropSql(index.collection(), index.name()));
                            build(st, index, index.physicalName());
                        }
                        case MISSING -> build(st, index, index.physicalName());
                        case OUTDATED -> {
                            build(st, index, index.replacementName());
                            st.execute(DeclaredIndex.dropSql(index.collection(), index.name()));
                            st.execute("ALTER INDEX " + index.replacementName() + " RENAME TO "
                                    + index.physicalName());
                        }
                        default -> {
                            // READY: stands as declared
                        }
                    }
                    // What a replacement interrupted before its rename left behind (a no-op otherwise).
                    st.execute(DeclaredIndex.dropSql(index.replacementName()));
                }
                for (CollectionDeclaration collection : declarations.collections()) {
                    for (String retired : collection.retiredIndexes()) {
                        st.execute(DeclaredIndex.dropSql(collection.name(), retired));
                    }
                }
            }
            IndexStatistics.dropOrphans(connection, declarations.indexes());
            List<String> created = IndexStatistics.create(connection, declarations.indexes());
            if (!created.isEmpty()) {
                LOG.infof("Created the planner statistics %s of the declared indexes and analyzed documents", created);
            }
        } catch (SQLException e) {
            throw new CustomChangeException("Building the declared document indexes failed (SQL state "
                    + e.getSQLState() + ").", e);
        }
    }

    /** Builds {@code index} under {@code name} CONCURRENTLY and records its fingerprint; an invalid leftover goes. */
    private static void build(Statement st, DeclaredIndex index, String name) throws SQLException {
        long started = System.nanoTime();
        if (!name.equals(index.physicalName())) {
            st.execute(DeclaredIndex.dropSql(name));
        }
        st.execute(index.createSql(name));
        st.execute("COMMENT ON INDEX " + name + " IS '" + index.fingerprint() + "'");
        LOG.infof("Built index %s of collection %s CONCURRENTLY in %d ms", index.name(), index.collection(),
                (System.nanoTime() - started) / 1_000_000);
    }

    @Override
    public void rollback(Database database) throws CustomChangeException {
        try (Statement st = connection(database).createStatement()) {
            for (DeclaredIndex index : declarations().indexes()) {
                st.execute(DeclaredIndex.dropSql(index.collection(), index.name()));
                st.execute(DeclaredIndex.dropSql(index.replacementName()));
            }
            IndexStatistics.dropOrphans(st.getConnection(), List.of());
        } catch (SQLException e) {
            throw new CustomChangeException("Dropping the declared document indexes failed (SQL state "
                    + e.getSQLState() + ").", e);
        }
    }

    /** The collections file, read the same way as the service reads it (an invalid one stops the migration). */
    private static Declarations declarations() {
        return ConfigProvider.getConfig().getOptionalValue("palisade.collections.file", String.class)
                .map(Collections::load).orElseGet(Declarations::none);
    }

    private static Connection connection(Database database) throws SQLException {
        Connection connection = ((JdbcConnection) database.getConnection()).getUnderlyingConnection();
        // CREATE INDEX CONCURRENTLY cannot run inside a transaction block.
        if (!connection.getAutoCommit()) {
            connection.commit();
            connection.setAutoCommit(true);
        }
        return connection;
    }

    @Override
    public String getConfirmationMessage() {
        return "Declared document indexes stand";
    }

    @Override
    public void setUp() {
        // nothing to prepare
    }

    @Override
    public void setFileOpener(ResourceAccessor resourceAccessor) {
        // reads no file through Liquibase: the collections file comes from configuration
    }

    @Override
    public ValidationErrors validate(Database database) {
        return new ValidationErrors();
    }
}
