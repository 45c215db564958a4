package dev.palisade.examples.invoices.support;

import static io.restassured.RestAssured.given;

import java.util.UUID;

import dev.palisade.tenancy.TenantId;
import dev.palisade.tenancy.registry.CreatedTenant;
import dev.palisade.tenancy.registry.NewTenant;
import dev.palisade.tenancy.registry.TenantRegistry;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/**
 * A tenant for tests, registered through Palisade's {@link TenantRegistry} as an embedding service (or Palisade's
 * admin API on the same database) would, with its first API key.
 */
public record TestTenant(String id, String apiKey) {

    /** Registers a tenant with a unique id starting with {@code prefix}. */
    public static TestTenant create(TenantRegistry registry, String prefix) {
        String id = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        CreatedTenant created = registry.register(new NewTenant(id, "Tenant " + id));
        return new TestTenant(id, created.apiKey().secret());
    }

    public TenantId tenantId() {
        return TenantId.of(id);
    }

    /** A request authenticated as this tenant. */
    public RequestSpecification request() {
        return given().header("X-Tenant-ID", id).header("Authorization", "Bearer " + apiKey);
    }

    /** A request that claims this tenant but presents another tenant's key. */
    public RequestSpecification requestWithKeyOf(TestTenant other) {
        return given().header("X-Tenant-ID", id).header("Authorization", "Bearer " + other.apiKey());
    }

    /** POSTs {@code json} to {@code path} as this tenant. */
    public ValidatableResponse post(String path, String json) {
        return request().contentType("application/json").body(json).post(path).then();
    }
}
