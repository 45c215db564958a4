package dev.palisade.tenancy.apikey;

import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.palisade.tenancy.TenancyConfig;
import dev.palisade.tenancy.TenantId;
import dev.palisade.tenancy.context.TenantScope;
import dev.palisade.tenancy.change.TenancyChanges;
import dev.palisade.tenancy.session.TenantSession;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Checks a tenant's API key. Results are cached per key, so a steady client costs no database round trip; a
 * revocation or suspension drops the tenant's entries on every replica (see {@link TenancyChanges}) and the next
 * request sees it. Entries also expire after {@code palisade.tenancy.auth-cache.ttl} in case a notification is lost,
 * and at most {@code palisade.tenancy.auth-cache.max-entries} are kept (see {@link VerdictCache}).
 * <p>
 * Whatever the outcome, the presented secret is hashed and compared in constant time, so timing tells nothing about
 * whether the tenant or the key exists.
 */
@ApplicationScoped
public class ApiKeyVerifier {

    private record CacheKey(TenantId tenant, UUID keyId) {
    }

    private record Entry(byte[] hash, boolean revoked, boolean suspended) {
    }

    private static final byte[] NO_KEY = SecretDigest.of("pal_no-such-key");

    private final TenantScope tenantScope;
    private final TenantSession session;
    private final VerdictCache<CacheKey, Entry> cache;

    ApiKeyVerifier(TenantScope tenantScope, TenantSession session, TenancyChanges changes, TenancyConfig config) {
        this.tenantScope = tenantScope;
        this.session = session;
        this.cache = new VerdictCache<>(config.authCache().ttl().toNanos(), config.authCache().maxEntries());
        changes.subscribe(tenant -> cache.invalidate(k -> k.tenant().equals(tenant)), cache::invalidateAll);
    }

    /** Whether {@code presented} is a working key of {@code tenant}, and whether the tenant is active. */
    public AuthVerdict verify(TenantId tenant, String presented) {
        byte[] presentedHash = SecretDigest.of(presented == null ? "" : presented);
        Entry entry = ApiKeySecret.keyId(presented).map(id -> entry(new CacheKey(tenant, id))).orElse(null);
        boolean matches = MessageDigest.isEqual(presentedHash, entry == null ? NO_KEY : entry.hash());
        if (!matches || entry == null || entry.revoked()) {
            return AuthVerdict.REJECTED;
        }
        return entry.suspended() ? AuthVerdict.SUSPENDED : AuthVerdict.ACCEPTED;
    }

    private Entry entry(CacheKey key) {
        return cache.get(key, () -> load(key).orElse(null));
    }

    private Optional<Entry> load(CacheKey key) {
        return tenantScope.call(key.tenant(), () -> QuarkusTransaction.requiringNew().call(() -> {
            session.bind();
            @SuppressWarnings("unchecked")
            List<Object[]> rows = session.entityManager().createNativeQuery("""
                    SELECT k.secret_hash, k.revoked_at IS NOT NULL, t.status = 'SUSPENDED'
                      FROM api_keys k JOIN tenants t ON t.id = k.tenant_id
                     WHERE k.tenant_id = :tenant AND k.id = :id
                    """).setParameter("tenant", key.tenant().value()).setParameter("id", key.keyId())
                    .getResultList();
            return rows.stream().findFirst().map(row -> new Entry((byte[]) row[0], (Boolean) row[1],
                    (Boolean) row[2]));
        }));
    }
}
