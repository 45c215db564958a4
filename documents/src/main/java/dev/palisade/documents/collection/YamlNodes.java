package dev.palisade.documents.collection;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Optional;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.palisade.query.Names;

/** Reads SnakeYAML's node tree (which keeps each node's line) for {@link CollectionsFile}. */
final class YamlNodes {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final String file;

    YamlNodes(String file) {
        this.file = file;
    }

    static int line(Node node) {
        return node.getStartMark().getLine() + 1;
    }

    DeclarationException error(Node node, String problem) {
        return new DeclarationException(file, node == null ? 0 : line(node), problem);
    }

    /** The members of a mapping, in order, keys as text; a key given twice is an error. */
    Map<String, NodeTuple> mapping(Node node, String what) {
        if (!(node instanceof MappingNode map)) {
            throw error(node, what + " must be a mapping (key: value lines); found " + kind(node) + ".");
        }
        Map<String, NodeTuple> members = new LinkedHashMap<>();
        for (NodeTuple tuple : map.getValue()) {
            String key = scalar(tuple.getKeyNode(), "a key of " + what);
            if (members.put(key, tuple) != null) {
                throw error(tuple.getKeyNode(), what + " has the key '" + key + "' twice; give each key once.");
            }
        }
        return members;
    }

    /** Rejects any key of {@code members} not in {@code known}, suggesting the closest known one. */
    void onlyKeys(Map<String, NodeTuple> members, String what, Set<String> known) {
        for (Map.Entry<String, NodeTuple> member : members.entrySet()) {
            if (!known.contains(member.getKey())) {
                String hint = Optional.ofNullable(Names.closest(member.getKey(), known))
                        .map(s -> " (did you mean '" + s + "'?)")
                        .orElse("");
                throw error(member.getValue().getKeyNode(), what + " has an unknown key '" + member.getKey() + "'"
                        + hint + "; expected one of " + String.join(", ", known) + ".");
            }
        }
    }

    String scalar(Node node, String what) {
        if (!(node instanceof ScalarNode scalar) || scalar.getTag().equals(Tag.NULL)) {
            throw error(node, what + " must be a plain value; found " + kind(node) + ".");
        }
        return scalar.getValue();
    }

    boolean bool(Node node, String what) {
        if (!(node instanceof ScalarNode scalar) || !scalar.getTag().equals(Tag.BOOL)) {
            throw error(node, what + " must be true or false; found " + kind(node) + ".");
        }
        return Boolean.parseBoolean(scalar.getValue().toLowerCase(java.util.Locale.ROOT));
    }

    SequenceNode sequence(Node node, String what) {
        if (!(node instanceof SequenceNode sequence)) {
            throw error(node, what + " must be a list; found " + kind(node) + ".");
        }
        return sequence;
    }

    /** The node as JSON (for a schema), refusing keys that are not text and keys given twice. */
    JsonNode json(Node node) {
        return json(node, new HashSet<>());
    }

    private JsonNode json(Node node, Set<Node> path) {
        if (!path.add(node)) {
            throw error(node, "the schema refers to itself through a YAML alias; use $ref instead.");
        }
        try {
            if (node instanceof MappingNode) {
                ObjectNode object = JSON.objectNode();
                mapping(node, "a schema object").forEach((k, tuple) -> object.set(k, json(tuple.getValueNode(), path)));
                return object;
            }
            if (node instanceof SequenceNode sequence) {
                ArrayNode array = JSON.arrayNode();
                sequence.getValue().forEach(item -> array.add(json(item, path)));
                return array;
            }
            return scalarJson((ScalarNode) node);
        } finally {
            path.remove(node);
        }
    }

    private static JsonNode scalarJson(ScalarNode scalar) {
        Tag tag = scalar.getTag();
        String value = scalar.getValue();
        try {
            if (tag.equals(Tag.NULL)) {
                return JSON.nullNode();
            }
            if (tag.equals(Tag.BOOL)) {
                return JSON.booleanNode(Boolean.parseBoolean(value.toLowerCase(java.util.Locale.ROOT)));
            }
            if (tag.equals(Tag.INT)) {
                return JSON.numberNode(new BigInteger(value.replace("_", "")));
            }
            if (tag.equals(Tag.FLOAT)) {
                return JSON.numberNode(new BigDecimal(value.replace("_", "")));
            }
        } catch (NumberFormatException e) {
            // YAML 1.1 forms JSON has no equivalent for (0x1F, .inf): keep them as text
        }
        return JSON.textNode(value);
    }

    static String kind(Node node) {
        if (node == null) {
            return "nothing";
        }
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        ScalarNode scalar = (ScalarNode) node;
        return scalar.getTag().equals(Tag.NULL) ? "nothing" : "'" + scalar.getValue() + "'";
    }
}
