package dev.palisade.api.documents;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import dev.palisade.api.auth.TenantAuthenticated;
import dev.palisade.api.rest.OpenApiContract;
import dev.palisade.documents.collection.Collections;
import dev.palisade.documents.store.Documents;

/** The declared collections, their schemas and indexes, and this tenant's document counts. */
@Path("/collections")
@TenantAuthenticated
@SecurityRequirement(name = OpenApiContract.TENANT_KEY)
@Produces(MediaType.APPLICATION_JSON)
public class CollectionsResource {

    private final Collections collections;
    private final Documents documents;

    CollectionsResource(Collections collections, Documents documents) {
        this.collections = collections;
        this.documents = documents;
    }

    @GET
    public List<CollectionView> list() {
        Map<String, Long> counts = documents.counts();
        return collections.all().stream().map(c -> CollectionView.of(c, counts.getOrDefault(c.name(), 0L))).toList();
    }
}
