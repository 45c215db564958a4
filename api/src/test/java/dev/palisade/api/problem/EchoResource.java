package dev.palisade.api.problem;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

/** A test-only resource with a typed JSON body, to drive the generic error paths without any domain logic. */
@Path("/test-only/echo")
public class EchoResource {

    public record Payload(String name, int count) {
        public Payload {
            if (count < 0) {
                throw new IllegalArgumentException("Field 'count' must be zero or more, but was " + count + ".");
            }
        }
    }

    @Operation(hidden = true) // test scaffolding, not part of the API contract
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Payload echo(Payload payload) {
        return payload;
    }
}
