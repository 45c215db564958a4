package dev.palisade.examples.invoices.rest;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.palisade.examples.invoices.customer.CustomerView;
import dev.palisade.examples.invoices.customer.Customers;
import dev.palisade.examples.invoices.customer.NewCustomer;

/** {@code /customers} of the authenticated tenant. */
@Path("/customers")
@Produces(MediaType.APPLICATION_JSON)
public class CustomerResource {

    private final Customers customers;

    CustomerResource(Customers customers) {
        this.customers = customers;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response add(NewCustomer request) {
        CustomerView created = customers.add(Bodies.required(request));
        return Response.created(URI.create("/customers/" + created.id())).entity(created).build();
    }

    @GET
    public List<CustomerView> list() {
        return customers.list();
    }

    @GET
    @Path("{id}")
    public CustomerView get(@PathParam("id") UUID id) {
        return customers.get(id);
    }
}
