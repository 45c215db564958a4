package dev.palisade.documents.collection;

import java.util.Comparator;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * A collection's JSON Schema (draft 2020-12), compiled once, with {@code format} asserted (a document whose
 * {@code email} is declared {@code format: email} must hold an email address). Validation is networknt's
 * json-schema-validator, never hand-written checks.
 */
public final class SchemaCheck {

    /** The dialect every collection schema is written in. */
    public static final String DRAFT_2020_12 = "https://json-schema.org/draft/2020-12/schema";

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .pathType(PathType.JSON_POINTER).formatAssertionsEnabled(true).build();
    private static final JsonSchema META = FACTORY.getSchema(SchemaLocation.of(DRAFT_2020_12), CONFIG);

    private final JsonSchema schema;

    private SchemaCheck(JsonSchema schema) {
        this.schema = schema;
    }

    /** The reasons {@code schema} is not a valid draft 2020-12 schema, empty when it is one. */
    static List<Violation> problemsOf(JsonNode schema) {
        return sorted(META.validate(schema));
    }

    /** Compiles a schema that {@link #problemsOf} accepted. */
    static SchemaCheck compile(JsonNode schema) {
        JsonSchema compiled = FACTORY.getSchema(schema, CONFIG);
        compiled.initializeValidators();
        return new SchemaCheck(compiled);
    }

    /** Every way {@code data} breaks the schema, in document order; empty when it conforms. */
    public List<Violation> validate(JsonNode data) {
        return sorted(schema.validate(data));
    }

    private static List<Violation> sorted(Set<ValidationMessage> messages) {
        return messages.stream().map(SchemaCheck::violation)
                .sorted(Comparator.comparing(Violation::pointer).thenComparing(Violation::rule)).toList();
    }

    private static Violation violation(ValidationMessage m) {
        String pointer = m.getInstanceLocation().toString();
        if (pointer.equals("$")) {
            pointer = "";
        }
        if ("required".equals(m.getType()) && m.getProperty() != null) {
            pointer = pointer + "/" + m.getProperty().replace("~", "~0").replace("/", "~1");
        }
        return new Violation(pointer, m.getType(), m.getError() != null ? m.getError() : m.getMessage());
    }
}
