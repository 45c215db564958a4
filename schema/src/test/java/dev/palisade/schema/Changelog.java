package dev.palisade.schema;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.change.core.TagDatabaseChange;
import liquibase.changelog.ChangeLogParameters;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LiquibaseException;
import liquibase.parser.ChangeLogParserFactory;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.resource.ResourceAccessor;

/** The master changelog as the tests see it: parsed offline, or driven against a connection. */
@SuppressWarnings("deprecation") // the Liquibase facade is the shortest way to drive update/rollback in a test
final class Changelog {

    static final String MASTER = "db/changelog/master.yaml";

    private final String appRole;
    private final ResourceAccessor resources = new ClassLoaderResourceAccessor(Changelog.class.getClassLoader());

    Changelog(String appRole) {
        this.appRole = appRole;
    }

    /** Every changeset, in order. */
    List<ChangeSet> changeSets() throws LiquibaseException {
        ChangeLogParameters parameters = new ChangeLogParameters();
        parameters.set("app_role", appRole);
        DatabaseChangeLog log = ChangeLogParserFactory.getInstance().getParser(MASTER, resources)
                .parse(MASTER, parameters, resources);
        return log.getChangeSets();
    }

    /** Every release tag, oldest first. */
    List<String> releaseTags() throws LiquibaseException {
        List<String> tags = new ArrayList<>();
        for (ChangeSet changeSet : changeSets()) {
            changeSet.getChanges().stream()
                    .filter(TagDatabaseChange.class::isInstance)
                    .map(c -> ((TagDatabaseChange) c).getTag())
                    .forEach(tags::add);
        }
        return tags;
    }

    void update(Connection owner) throws LiquibaseException {
        try (Liquibase liquibase = open(owner)) {
            liquibase.update(new Contexts(), new LabelExpression());
        } catch (Exception e) {
            throw rethrow(e);
        }
    }

    void rollbackTo(Connection owner, String tag) throws LiquibaseException {
        try (Liquibase liquibase = open(owner)) {
            liquibase.rollback(tag, new Contexts(), new LabelExpression());
        } catch (Exception e) {
            throw rethrow(e);
        }
    }

    void rollbackAll(Connection owner, int count) throws LiquibaseException {
        try (Liquibase liquibase = open(owner)) {
            liquibase.rollback(count, new Contexts(), new LabelExpression());
        } catch (Exception e) {
            throw rethrow(e);
        }
    }

    int pending(Connection owner) throws LiquibaseException {
        try (Liquibase liquibase = open(owner)) {
            return liquibase.listUnrunChangeSets(new Contexts(), new LabelExpression()).size();
        } catch (Exception e) {
            throw rethrow(e);
        }
    }

    private Liquibase open(Connection owner) throws LiquibaseException {
        Database database = DatabaseFactory.getInstance()
                .findCorrectDatabaseImplementation(new JdbcConnection(owner));
        Liquibase liquibase = new Liquibase(MASTER, resources, database) {
            @Override
            public void close() {
                // the caller owns the connection
            }
        };
        liquibase.setChangeLogParameter("app_role", appRole);
        return liquibase;
    }

    private static LiquibaseException rethrow(Exception e) {
        return e instanceof LiquibaseException le ? le : new LiquibaseException(e);
    }
}
