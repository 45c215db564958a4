package dev.palisade.api.support;

import static io.restassured.RestAssured.given;

import java.util.UUID;

import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/**
 * Tenants for REST tests, created through the admin API as a client would. Each test makes its own tenants with
 * unique ids, so tests never depend on each other's data.
 */
public record TenantFixture(String id, String apiKey) {

    /** The admin key of the test profile ({@code %test.palisade.admin-key}). */
    public static final String ADMIN_KEY = "test-admin-key-0123456789abcdefghij";

    /** Creates a tenant with a unique id starting with {@code prefix}, and returns it with its first API key. */
    public static TenantFixture create(String prefix) {
        String id = (prefix + "-" + UUID.randomUUID().toString().substring(0, 8)).toLowerCase();
        String key = given().header("Authorization", "Bearer " + ADMIN_KEY).contentType("application/json")
                .body("{\"id\":\"" + id + "\",\"name\":\"Tenant " + id + "\"}")
                .post("/admin/tenants").then().statusCode(201).extract().path("apiKey.secret");
        return new TenantFixture(id, key);
    }

    /** A request authenticated as this tenant. */
    public RequestSpecification request() {
        return given().header("X-Tenant-ID", id).header("Authorization", "Bearer " + apiKey);
    }

    /** A request that claims this tenant's id but presents another tenant's key. */
    public RequestSpecification requestWithKeyOf(TenantFixture other) {
        return given().header("X-Tenant-ID", id).header("Authorization", "Bearer " + other.apiKey());
    }

    /** POSTs {@code json} to {@code path} as this tenant. */
    public ValidatableResponse postJson(String path, String json) {
        return request().contentType("application/json").body(json).post(path).then();
    }

    /** Creates a workspace of this tenant and returns its id. */
    public String workspace(String name, String slug) {
        return postJson("/workspaces", "{\"name\":\"" + name + "\",\"slug\":\"" + slug + "\"}").statusCode(201)
                .extract().path("id");
    }

    public static RequestSpecification admin() {
        return given().header("Authorization", "Bearer " + ADMIN_KEY);
    }
}
