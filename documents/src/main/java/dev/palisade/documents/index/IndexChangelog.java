package dev.palisade.documents.index;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import dev.palisade.documents.collection.CollectionDeclaration;
import dev.palisade.documents.collection.Declarations;
import dev.palisade.documents.collection.DeclaredIndex;

/**
 * The Liquibase changelog generated from a collections file: per declared index, one changeset that builds it
 * {@code CONCURRENTLY} (alone, outside a transaction, as every concurrent index of the schema) and one that records
 * its fingerprint as its comment; per retired index, one that drops it {@code CONCURRENTLY}; per invalid index (a
 * failed build), one that drops it first. Every changeset runs at every migration ({@code runAlways}) and is a no-op
 * when the index already stands, so the changelog always converges on the file, including after a rollback.
 */
public final class IndexChangelog {

    /** The author of every generated changeset, so they are told apart from the released ones. */
    public static final String AUTHOR = "palisade-collections";
    /** The changelog's logical file name in {@code databasechangelog}. */
    public static final String FILE = "documents-indexes.yaml";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private IndexChangelog() {
    }

    /** The changelog for {@code declarations}, given which indexes are invalid now. */
    public static String generate(Declarations declarations, List<IndexState.Status> statuses) {
        List<Object> changeSets = new ArrayList<>();
        for (IndexState.Status status : statuses) {
            DeclaredIndex index = status.index();
            String key = index.collection() + "." + index.name();
            if (status.condition() == IndexState.Condition.INVALID) {
                changeSets.add(changeSet("documents-index-repair:" + key, false,
                        DeclaredIndex.dropSql(index.collection(), index.name()), "SELECT 1"));
            }
            changeSets.add(changeSet("documents-index:" + key, false, index.createSql(),
                    DeclaredIndex.dropSql(index.collection(), index.name())));
            changeSets.add(changeSet("documents-index-comment:" + key, true, "COMMENT ON INDEX "
                    + index.physicalName() + " IS '" + index.fingerprint() + "'", "SELECT 1"));
        }
        for (CollectionDeclaration collection : declarations.collections()) {
            for (String retired : collection.retiredIndexes()) {
                changeSets.add(changeSet("documents-index-retire:" + collection.name() + "." + retired, false,
                        DeclaredIndex.dropSql(collection.name(), retired), "SELECT 1"));
            }
        }
        try {
            return YAML.writeValueAsString(Map.of("databaseChangeLog", changeSets));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("maps and strings always serialize", e);
        }
    }

    private static Map<String, Object> changeSet(String id, boolean inTransaction, String sql, String rollback) {
        Map<String, Object> changeSet = new LinkedHashMap<>();
        changeSet.put("id", id);
        changeSet.put("author", AUTHOR);
        changeSet.put("runAlways", true);
        changeSet.put("runOnChange", true);
        changeSet.put("runInTransaction", inTransaction);
        changeSet.put("changes", List.of(Map.of("sql", Map.of("sql", sql, "splitStatements", false))));
        changeSet.put("rollback", List.of(Map.of("sql", Map.of("sql", rollback, "splitStatements", false))));
        return Map.of("changeSet", changeSet);
    }
}
