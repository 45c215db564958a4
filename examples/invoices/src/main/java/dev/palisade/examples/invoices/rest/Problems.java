package dev.palisade.examples.invoices.rest;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import dev.palisade.tenancy.ConflictException;
import dev.palisade.tenancy.InvalidFieldException;
import dev.palisade.tenancy.NoTenantException;
import dev.palisade.tenancy.NotFoundException;
import dev.palisade.tenancy.TenantMismatchException;

/** problem+json (RFC 9457) answers, and the tenancy exceptions this service meets, each mapped once. */
public class Problems {

    /** A problem response with this status and detail. */
    public static Response response(Response.Status status, String detail) {
        return response(status, detail, Map.of());
    }

    static Response response(Response.Status status, String detail, Map<String, Object> extra) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", status.getReasonPhrase());
        body.put("status", status.getStatusCode());
        body.put("detail", detail);
        body.putAll(extra);
        return Response.status(status).type("application/problem+json").entity(body).build();
    }

    @ServerExceptionMapper
    public Response invalidField(InvalidFieldException e) {
        return response(Response.Status.BAD_REQUEST, e.getMessage(), Map.of("field", e.field()));
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return response(Response.Status.NOT_FOUND, e.getMessage());
    }

    @ServerExceptionMapper
    public Response conflict(ConflictException e) {
        return response(Response.Status.CONFLICT, e.getMessage());
    }

    // Reaching these from a request is a bug of the service, not of the request: fail closed, say little.
    @ServerExceptionMapper
    public Response noTenant(NoTenantException e) {
        return response(Response.Status.INTERNAL_SERVER_ERROR, "The request ran without a tenant and was refused.");
    }

    @ServerExceptionMapper
    public Response mismatch(TenantMismatchException e) {
        return response(Response.Status.INTERNAL_SERVER_ERROR,
                "The request touched data of another tenant and was refused.");
    }
}
