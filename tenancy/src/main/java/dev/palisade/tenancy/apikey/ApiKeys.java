package dev.palisade.tenancy.apikey;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import dev.palisade.tenancy.NotFoundException;
import dev.palisade.tenancy.TenantId;
import dev.palisade.tenancy.change.TenancyChanges;
import dev.palisade.tenancy.session.Rows;
import dev.palisade.tenancy.session.TenantSession;

/** Issues, lists and revokes the current tenant's API keys. Revocation takes effect on the next request. */
@ApplicationScoped
public class ApiKeys {

    private final TenantSession session;
    private final TenancyChanges changes;

    ApiKeys(TenantSession session, TenancyChanges changes) {
        this.session = session;
        this.changes = changes;
    }

    @Transactional
    public IssuedApiKey issue() {
        TenantId tenant = session.bind();
        ApiKeySecret.Generated generated = ApiKeySecret.generate();
        ApiKey key = new ApiKey(tenant, generated.keyId(), SecretDigest.of(generated.secret()), Rows.now());
        session.entityManager().persist(key);
        return new IssuedApiKey(generated.keyId(), generated.secret(), key.info().createdAt());
    }

    @Transactional
    public List<ApiKeyInfo> list() {
        return session.entityManager().createQuery("from ApiKey order by createdAt, id", ApiKey.class)
                .getResultStream().map(ApiKey::info).toList();
    }

    /** Revokes a key; revoking a revoked key is a no-op. */
    @Transactional
    public void revoke(UUID keyId) {
        TenantId tenant = session.bind();
        ApiKey key = session.entityManager().find(ApiKey.class, new ApiKey.Pk(tenant.value(), keyId));
        if (key == null) {
            throw new NotFoundException("API key", keyId);
        }
        key.revoke(Rows.now());
        changes.tenantChanged(tenant);
    }
}
