package dev.palisade.api.documents;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;

import com.fasterxml.jackson.databind.JsonNode;

import dev.palisade.documents.collection.CollectionDeclaration;
import dev.palisade.documents.collection.Collections;
import io.quarkus.arc.Arc;
import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * Puts each declared collection's schema into {@code /q/openapi} as named components, so that a generated client has
 * a typed model per collection: {@code CustomersData} (the collection's JSON Schema, or any object) and
 * {@code CustomersDocument} ({@code {id, data, version, createdAt, updatedAt}} around it). The collections file is
 * runtime configuration, so this runs at startup, not at build time.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.RUNTIME_STARTUP)
public class CollectionSchemas implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents() == null
                ? OASFactory.createComponents()
                : openAPI.getComponents();
        openAPI.setComponents(components);
        for (CollectionDeclaration collection : Arc.container().instance(Collections.class).get().all()) {
            String model = modelName(collection.name());
            Schema data = OASFactory.createSchema();
            if (collection.hasSchema()) {
                data.setAll(object(collection.schema()));
            } else {
                data.set("type", "object");
            }
            data.set("description", "The data of a document of collection '" + collection.name() + "'.");
            components.addSchema(model + "Data", data);
            components.addSchema(model + "Document", document(collection.name(), model + "Data"));
        }
    }

    /** {@code by_customer} becomes {@code ByCustomer}. */
    static String modelName(String collection) {
        StringBuilder name = new StringBuilder();
        for (String part : collection.split("_")) {
            if (!part.isEmpty()) {
                name.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1));
            }
        }
        return name.toString();
    }

    private static Schema document(String collection, String dataModel) {
        Schema document = OASFactory.createSchema();
        document.set("type", "object");
        document.set("description", "A document of collection '" + collection + "'.");
        document.set("required", List.of("id", "data", "version", "createdAt", "updatedAt"));
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("id", Map.of("type", "string"));
        properties.put("data", Map.of("$ref", "#/components/schemas/" + dataModel));
        properties.put("version", Map.of("type", "integer", "format", "int64"));
        properties.put("createdAt", Map.of("type", "string", "format", "date-time"));
        properties.put("updatedAt", Map.of("type", "string", "format", "date-time"));
        document.set("properties", properties);
        return document;
    }

    private static Map<String, Object> object(JsonNode node) {
        Map<String, Object> members = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> member = it.next();
            members.put(member.getKey(), value(member.getValue()));
        }
        return members;
    }

    private static Object value(JsonNode node) {
        if (node.isObject()) {
            return object(node);
        }
        if (node.isArray()) {
            List<Object> items = new ArrayList<>();
            node.forEach(item -> items.add(value(item)));
            return items;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isNumber()) {
            return new BigDecimal(node.asText());
        }
        return node.isNull() ? null : node.asText();
    }
}
