package dev.palisade.examples.invoices.rest;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.palisade.examples.invoices.invoice.InvoiceStatus;
import dev.palisade.examples.invoices.invoice.InvoiceView;
import dev.palisade.examples.invoices.invoice.Invoices;
import dev.palisade.examples.invoices.invoice.NewInvoice;
import dev.palisade.tenancy.InvalidFieldException;

/** {@code /invoices} of the authenticated tenant. */
@Path("/invoices")
@Produces(MediaType.APPLICATION_JSON)
public class InvoiceResource {

    private final Invoices invoices;

    InvoiceResource(Invoices invoices) {
        this.invoices = invoices;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response issue(NewInvoice request) {
        InvoiceView created = invoices.issue(Bodies.required(request));
        return Response.created(URI.create("/invoices/" + created.id())).entity(created).build();
    }

    @GET
    public List<InvoiceView> list(@QueryParam("status") String status) {
        return invoices.list(status == null ? null : status(status));
    }

    @GET
    @Path("{id}")
    public InvoiceView get(@PathParam("id") UUID id) {
        return invoices.get(id);
    }

    @POST
    @Path("{id}/pay")
    public InvoiceView pay(@PathParam("id") UUID id) {
        return invoices.pay(id);
    }

    @DELETE
    @Path("{id}")
    public void delete(@PathParam("id") UUID id) {
        invoices.delete(id);
    }

    private static InvoiceStatus status(String value) {
        try {
            return InvoiceStatus.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException("status", "Query parameter 'status' must be OPEN or PAID.");
        }
    }
}
