package dev.palisade.api.admin;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.palisade.tenancy.registry.CreatedTenant;
import dev.palisade.tenancy.registry.TenantInfo;

/** JSON shapes of the admin API. */
final class AdminViews {

    private AdminViews() {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record TenantView(String id, String name, String status, Instant createdAt, Instant updatedAt, KeyView apiKey) {
    }

    record KeyView(UUID id, String secret, Instant createdAt) {
    }

    static TenantView tenant(TenantInfo info) {
        return new TenantView(info.id().value(), info.name(), info.status().name().toLowerCase(Locale.ROOT),
                info.createdAt(), info.updatedAt(), null);
    }

    static TenantView created(CreatedTenant created) {
        TenantView view = tenant(created.tenant());
        var key = created.apiKey();
        return new TenantView(view.id(), view.name(), view.status(), view.createdAt(), view.updatedAt(),
                new KeyView(key.id(), key.secret(), key.createdAt()));
    }
}
