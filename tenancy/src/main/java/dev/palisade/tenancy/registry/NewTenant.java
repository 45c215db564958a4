package dev.palisade.tenancy.registry;

import dev.palisade.tenancy.InvalidFieldException;
import dev.palisade.tenancy.TenantId;

/** A request to register a tenant: a well-formed id and a display name of 1 to 200 characters. */
public record NewTenant(String id, String name) {

    public NewTenant {
        if (!TenantId.isValid(id)) {
            throw new InvalidFieldException("id", "Field 'id' must match ^[a-z0-9][a-z0-9-]{1,62}$.");
        }
        InvalidFieldException.requireText("name", name, 200);
    }

    public TenantId tenantId() {
        return TenantId.of(id);
    }
}
