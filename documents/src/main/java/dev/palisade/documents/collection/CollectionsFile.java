package dev.palisade.documents.collection;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;

import com.fasterxml.jackson.databind.JsonNode;

import dev.palisade.query.Names;

/**
 * Reads and checks a collections file: every problem is a {@link DeclarationException} naming the file, the line and
 * what is wrong, so that a bad file stops the service and the migration Job at start.
 *
 * <pre>{@code
 * collections:
 *   customers:
 *     schema: {type: object, required: [email], properties: {email: {type: string, format: email}}}
 *     indexes:
 *       email: {fields: {email: text}, unique: true}
 *   orders:
 *     references: {customerId: customers}
 * }</pre>
 */
public final class CollectionsFile {

    /** What a collection's name must match. */
    public static final Pattern NAME = Pattern.compile("^[a-z][a-z0-9_]{0,62}$");
    /** What an index's name must match (its PostgreSQL name, {@code doc_<collection>__<index>}, must fit too). */
    public static final Pattern INDEX_NAME = Pattern.compile("^[a-z][a-z0-9_]{0,62}$");
    /** What a field path must match: object keys of letters, digits and {@code _}, joined by dots. */
    public static final Pattern FIELD_PATH = Pattern
            .compile("^[A-Za-z_][A-Za-z0-9_]{0,62}(\\.[A-Za-z_][A-Za-z0-9_]{0,62}){0,7}$");
    /** Most fields in one index (PostgreSQL allows 32 columns, one is {@code tenant_id}). */
    public static final int MAX_INDEX_FIELDS = 8;

    private static final Set<String> TOP = Set.of("collections");
    private static final Set<String> COLLECTION = new LinkedHashSet<>(
            List.of("schema", "indexes", "retiredIndexes", "references"));
    private static final Set<String> INDEX = new LinkedHashSet<>(List.of("fields", "unique"));

    private final String file;
    private final YamlNodes yaml;

    private CollectionsFile(String file) {
        this.file = file;
        this.yaml = new YamlNodes(file);
    }

    /** Reads the collections file at {@code path}. */
    public static Declarations read(Path path) {
        String name = path.toString();
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (MalformedInputException e) {
            throw new DeclarationException(name, 0, "the file is not valid UTF-8.");
        } catch (IOException e) {
            throw new DeclarationException(name, 0, "the collections file cannot be read (" + e.getClass()
                    .getSimpleName() + "); set palisade.collections.file (PALISADE_COLLECTIONS) to a readable file.");
        }
        return parse(name, text);
    }

    /** Parses collections declared in {@code text}, naming {@code file} in errors. */
    public static Declarations parse(String file, String text) {
        return new CollectionsFile(file).parse(new StringReader(text));
    }

    private Declarations parse(Reader text) {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(50);
        options.setAllowRecursiveKeys(false);
        Node root;
        try {
            root = new Yaml(options).compose(text);
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            throw new DeclarationException(file, line, "not valid YAML: " + e.getProblem() + ".");
        } catch (YAMLException e) {
            throw new DeclarationException(file, 0, "not valid YAML.");
        }
        if (root == null) {
            throw new DeclarationException(file, 0, "the file is empty; expected 'collections:' with at least one "
                    + "collection.");
        }
        Map<String, NodeTuple> top = yaml.mapping(root, "the file");
        yaml.onlyKeys(top, "the file", TOP);
        if (!top.containsKey("collections")) {
            throw yaml.error(root, "expected 'collections:' at the top of the file.");
        }
        Map<String, NodeTuple> declared = yaml.mapping(top.get("collections").getValueNode(), "'collections'");
        List<CollectionDeclaration> collections = new ArrayList<>();
        Map<String, SchemaCheck> schemas = new LinkedHashMap<>();
        for (Map.Entry<String, NodeTuple> entry : declared.entrySet()) {
            CollectionDeclaration collection = collection(entry.getKey(), entry.getValue());
            collections.add(collection);
            if (collection.hasSchema()) {
                schemas.put(collection.name(), SchemaCheck.compile(collection.schema()));
            }
        }
        for (Map.Entry<String, NodeTuple> entry : declared.entrySet()) {
            checkReferences(entry.getValue(), declared.keySet());
        }
        return new Declarations(file, collections, schemas);
    }

    private CollectionDeclaration collection(String name, NodeTuple tuple) {
        Node key = tuple.getKeyNode();
        if (!NAME.matcher(name).matches()) {
            throw yaml.error(key, "collection '" + name + "': the name must match " + NAME.pattern()
                    + " (lower-case letters, digits and _, starting with a letter, at most 63 characters).");
        }
        String what = "collection '" + name + "'";
        Node value = tuple.getValueNode();
        Map<String, NodeTuple> members = YamlNodes.kind(value).equals("nothing")
                ? Map.of()
                : yaml.mapping(value, what);
        yaml.onlyKeys(members, what, COLLECTION);
        JsonNode schema = members.containsKey("schema") ? schema(what, members.get("schema").getValueNode()) : null;
        List<DeclaredIndex> indexes = new ArrayList<>();
        if (members.containsKey("indexes")) {
            yaml.mapping(members.get("indexes").getValueNode(), what + " 'indexes'")
                    .forEach((index, t) -> indexes.add(index(name, index, t)));
        }
        List<String> retired = new ArrayList<>();
        if (members.containsKey("retiredIndexes")) {
            for (Node item : yaml.sequence(members.get("retiredIndexes").getValueNode(), what + " 'retiredIndexes'")
                    .getValue()) {
                String index = yaml.scalar(item, what + " 'retiredIndexes' item");
                checkIndexName(name, index, item);
                if (indexes.stream().anyMatch(i -> i.name().equals(index))) {
                    throw yaml.error(item, what + ": index '" + index + "' is both declared and retired; a new "
                            + "definition takes a new name.");
                }
                retired.add(index);
            }
        }
        List<Reference> references = new ArrayList<>();
        if (members.containsKey("references")) {
            yaml.mapping(members.get("references").getValueNode(), what + " 'references'").forEach((field, t) -> {
                checkPath(what + " reference", field, t.getKeyNode());
                references.add(new Reference(field, yaml.scalar(t.getValueNode(), what + " reference '" + field
                        + "'")));
            });
        }
        return new CollectionDeclaration(name, schema, indexes, retired, references);
    }

    private JsonNode schema(String what, Node node) {
        JsonNode schema = yaml.json(node);
        if (!schema.isObject()) {
            throw yaml.error(node, what + ": 'schema' must be a JSON Schema object (draft 2020-12).");
        }
        JsonNode dialect = schema.get("$schema");
        if (dialect != null && !(dialect.isTextual() && dialect.textValue().replaceAll("#$", "")
                .equals(SchemaCheck.DRAFT_2020_12))) {
            throw yaml.error(node, what + ": '$schema' must be " + SchemaCheck.DRAFT_2020_12 + " (or left out); found "
                    + dialect + ".");
        }
        List<Violation> problems = SchemaCheck.problemsOf(schema);
        if (!problems.isEmpty()) {
            Violation first = problems.get(0);
            throw yaml.error(node, what + ": 'schema' is not a valid draft 2020-12 JSON Schema: at '" + first.pointer()
                    + "' (" + first.rule() + ") " + first.message());
        }
        return schema;
    }

    private DeclaredIndex index(String collection, String name, NodeTuple tuple) {
        checkIndexName(collection, name, tuple.getKeyNode());
        String what = "index '" + name + "' of collection '" + collection + "'";
        Map<String, NodeTuple> members = yaml.mapping(tuple.getValueNode(), what);
        yaml.onlyKeys(members, what, INDEX);
        if (!members.containsKey("fields")) {
            throw yaml.error(tuple.getValueNode(), what + " needs 'fields' (path: type, for example {email: text}).");
        }
        Map<String, NodeTuple> fieldNodes = yaml.mapping(members.get("fields").getValueNode(), what + " 'fields'");
        if (fieldNodes.isEmpty() || fieldNodes.size() > MAX_INDEX_FIELDS) {
            throw yaml.error(members.get("fields").getValueNode(), what + " must index 1 to " + MAX_INDEX_FIELDS
                    + " fields; found " + fieldNodes.size() + ".");
        }
        List<IndexField> fields = new ArrayList<>();
        fieldNodes.forEach((path, t) -> {
            checkPath(what + " field", path, t.getKeyNode());
            String label = yaml.scalar(t.getValueNode(), what + " field '" + path + "'");
            FieldType type = FieldType.of(label);
            if (type == null) {
                throw yaml.error(t.getValueNode(), what + " field '" + path + "': the type must be text, number, "
                        + "boolean or timestamp; found '" + label + "'.");
            }
            fields.add(new IndexField(path, type));
        });
        boolean unique = members.containsKey("unique") && yaml.bool(members.get("unique").getValueNode(),
                what + " 'unique'");
        return new DeclaredIndex(collection, name, fields, unique);
    }

    private void checkIndexName(String collection, String name, Node at) {
        if (!INDEX_NAME.matcher(name).matches()) {
            throw yaml.error(at, "index '" + name + "' of collection '" + collection + "': the name must match "
                    + INDEX_NAME.pattern() + ".");
        }
        String physical = DeclaredIndex.physicalName(collection, name);
        if (physical.length() > DeclaredIndex.MAX_PHYSICAL_NAME) {
            throw yaml.error(at, "index '" + name + "' of collection '" + collection + "': its PostgreSQL name '"
                    + physical + "' is longer than 63 characters; use a shorter index name.");
        }
    }

    private void checkPath(String what, String path, Node at) {
        if (!FIELD_PATH.matcher(path).matches()) {
            throw yaml.error(at, what + " '" + path + "': a field path is up to 8 object keys of letters, digits and "
                    + "_, joined by dots (address.city).");
        }
    }

    private void checkReferences(NodeTuple collection, Set<String> names) {
        Map<String, NodeTuple> members = YamlNodes.kind(collection.getValueNode()).equals("nothing")
                ? Map.of()
                : yaml.mapping(collection.getValueNode(), "a collection");
        if (!members.containsKey("references")) {
            return;
        }
        yaml.mapping(members.get("references").getValueNode(), "'references'").forEach((field, t) -> {
            String target = yaml.scalar(t.getValueNode(), "reference '" + field + "'");
            if (!names.contains(target)) {
                String hint = Optional.ofNullable(Names.closest(target, names)).map(s -> " (did you mean '" + s + "'?)")
                        .orElse("");
                throw yaml.error(t.getValueNode(), "reference '" + field + "' names the collection '" + target
                        + "', which is not declared" + hint + ".");
            }
        });
    }
}
