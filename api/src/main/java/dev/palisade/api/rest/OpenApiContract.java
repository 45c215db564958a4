package dev.palisade.api.rest;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

import dev.palisade.api.problem.Problem;
import dev.palisade.tenancy.TenantId;
import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * What the API's operations share, added to the OpenAPI document once instead of annotated on each method: the two
 * credentials (resources name theirs with {@code @SecurityRequirement(name = ADMIN_KEY or TENANT_KEY)}, next to the
 * filter binding that enforces it), the {@code X-Tenant-ID} header and the 401/403 answers that go with them, and
 * the error answers, which are all {@code application/problem+json}. Runs at build time, so it costs no startup.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class OpenApiContract implements OASFilter {

    /** The security scheme of the admin API (PALISADE_ADMIN_KEY as a bearer token). */
    public static final String ADMIN_KEY = "adminKey";
    /** The security scheme of tenant requests (a tenant's API key as a bearer token, with X-Tenant-ID). */
    public static final String TENANT_KEY = "tenantKey";
    static final String PROBLEM = "Problem";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents() == null
                ? OASFactory.createComponents()
                : openAPI.getComponents();
        openAPI.setComponents(components);
        components.addSecurityScheme(ADMIN_KEY, bearer("The admin key (PALISADE_ADMIN_KEY)."));
        components.addSecurityScheme(TENANT_KEY, bearer("An API key of the tenant named by X-Tenant-ID."));
        components.addSchema(PROBLEM, problemSchema());
        if (openAPI.getPaths() == null) {
            return;
        }
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            if (path.getKey().startsWith("/q/")) {
                continue;
            }
            for (Operation operation : path.getValue().getOperations().values()) {
                describe(operation);
            }
        }
    }

    private static void describe(Operation operation) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        if (requires(operation, ADMIN_KEY)) {
            operation.getResponses().addAPIResponse("401", problem("Missing or wrong admin key."));
        }
        if (requires(operation, TENANT_KEY)) {
            operation.addParameter(OASFactory.createParameter().name("X-Tenant-ID").in(Parameter.In.HEADER)
                    .required(true).description("The tenant the request acts for.")
                    .schema(OASFactory.createSchema().addType(SchemaType.STRING).pattern(TenantId.PATTERN)));
            operation.getResponses().addAPIResponse("401", problem(
                    "Missing, wrong or revoked API key, or a key of another tenant (the same answer either way)."));
            operation.getResponses().addAPIResponse("403", problem("The tenant is suspended."));
        }
        operation.getResponses().setDefaultValue(problem(
                "Any other error: invalid input (400, with the field and often a suggestion), not found (404), a"
                        + " conflict (409, with currentVersion where it applies), a failed If-Match (412), a body"
                        + " too large (413) or of another media type (415)."));
    }

    private static boolean requires(Operation operation, String scheme) {
        return operation.getSecurity() != null
                && operation.getSecurity().stream().anyMatch(requirement -> requirement.hasScheme(scheme));
    }

    private static SecurityScheme bearer(String description) {
        return OASFactory.createSecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                .description(description);
    }

    private static APIResponse problem(String description) {
        return OASFactory.createAPIResponse().description(description).content(OASFactory.createContent()
                .addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType()
                        .schema(OASFactory.createSchema().ref(PROBLEM))));
    }

    private static Schema problemSchema() {
        return OASFactory.createSchema().addType(SchemaType.OBJECT)
                .description("An RFC 9457 problem; some carry more fields (currentVersion, field, suggestion).")
                .required(List.of("type", "title", "status", "detail"))
                .addProperty("type", string("uri", "Identifies the kind of problem."))
                .addProperty("title", string(null, "Short summary of the kind of problem."))
                .addProperty("status", OASFactory.createSchema().addType(SchemaType.INTEGER))
                .addProperty("detail", string(null, "What went wrong with this request."))
                .additionalPropertiesBoolean(true);
    }

    private static Schema string(String format, String description) {
        return OASFactory.createSchema().addType(SchemaType.STRING).format(format).description(description);
    }
}
