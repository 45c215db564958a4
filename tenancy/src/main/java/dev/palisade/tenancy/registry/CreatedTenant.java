package dev.palisade.tenancy.registry;

import dev.palisade.tenancy.apikey.IssuedApiKey;

/** A newly registered tenant and its first API key (the only time that secret is shown). */
public record CreatedTenant(TenantInfo tenant, IssuedApiKey apiKey) {
}
