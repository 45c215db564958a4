package dev.palisade.schema.check;

import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.Scope;
import liquibase.changelog.ChangeLogParameters;
import liquibase.changelog.ChangeSet;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LiquibaseException;
import liquibase.parser.ChangeLogParserFactory;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.resource.ResourceAccessor;
import liquibase.ui.LoggerUIService;

/** A changelog on the classpath with its parameters: parsed offline, or applied through a connection. */
@SuppressWarnings("deprecation") // the Liquibase facade is the shortest way to drive an update from a test
final class LiquibaseChangelog {

    private final String path;
    private final Map<String, String> parameters;
    private final ResourceAccessor resources;

    LiquibaseChangelog(String path, Map<String, String> parameters, ClassLoader classLoader) {
        this.path = path;
        this.parameters = Map.copyOf(parameters);
        this.resources = new ClassLoaderResourceAccessor(classLoader);
    }

    /** Every changeset, in order, with the parameters expanded. */
    List<ChangeSet> changeSets() throws LiquibaseException {
        ChangeLogParameters expanded = new ChangeLogParameters();
        parameters.forEach(expanded::set);
        return ChangeLogParserFactory.getInstance().getParser(path, resources).parse(path, expanded, resources)
                .getChangeSets();
    }

    /** Applies every changeset through the connection (the caller owns and closes it). */
    void update(Connection owner) throws LiquibaseException {
        Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(owner));
        Liquibase liquibase = new Liquibase(path, resources, database);
        parameters.forEach(liquibase::setChangeLogParameter);
        // a check reports what is wrong; Liquibase's INFO lines about each changeset that ran would bury it
        Logger log = Logger.getLogger("liquibase");
        Level level = log.getLevel();
        log.setLevel(Level.WARNING);
        try {
            // the summary Liquibase prints goes to its logger instead of the test run's console
            Scope.child(Map.of(Scope.Attr.ui.name(), new LoggerUIService(), "liquibase.command.showSummary", "OFF"),
                    () -> liquibase.update(new Contexts(), new LabelExpression()));
        } catch (LiquibaseException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new LiquibaseException(e);
        } finally {
            log.setLevel(level);
        }
    }
}
