package dev.palisade.query;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The opaque keyset cursor: the ordering it belongs to and the last row's values of every ordering key (the
 * collection's key last, so ties are broken). Base64url of a small JSON object; its values are checked against the
 * fields' types and bound like any filter value, so a forged cursor can do no more than a filter could.
 */
final class Cursor {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Cursor() {
    }

    static String encode(List<Order> order, List<Object> values) {
        ObjectNode node = JSON.createObjectNode();
        ArrayNode keys = node.putArray("o");
        order.forEach(o -> keys.add(signature(o)));
        ArrayNode vs = node.putArray("v");
        values.forEach(v -> vs.add(v == null ? null : v.toString()));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(node.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The values of {@code cursor}, one per ordering key, as strings.
     *
     * @throws QueryException not a cursor of this service, or of another ordering
     */
    static List<String> decode(String cursor, List<Order> order) {
        JsonNode node;
        try {
            node = JSON.readTree(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException | java.io.IOException e) {
            throw invalid();
        }
        if (node == null || !node.path("o").isArray() || !node.path("v").isArray()
                || node.path("v").size() != order.size()) {
            throw invalid();
        }
        List<String> keys = new ArrayList<>();
        node.path("o").forEach(k -> keys.add(k.asText()));
        if (!keys.equals(order.stream().map(Cursor::signature).toList())) {
            throw QueryException.invalid("cursor", "belongs to another ordering (" + String.join(",", keys)
                    + "); page with the orderBy it was given for, or start again without a cursor.");
        }
        List<String> values = new ArrayList<>();
        node.path("v").forEach(v -> values.add(v.isNull() ? null : v.asText()));
        return values;
    }

    private static String signature(Order o) {
        return (o.descending() ? "-" : "") + o.field();
    }

    private static QueryException invalid() {
        return QueryException.invalid("cursor", "must be the 'next' of an earlier page, unchanged.");
    }
}
