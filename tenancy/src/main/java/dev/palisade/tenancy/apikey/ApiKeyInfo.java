package dev.palisade.tenancy.apikey;

import java.time.Instant;
import java.util.UUID;

/** An API key without its secret; {@code revokedAt} is null while the key works. */
public record ApiKeyInfo(UUID id, Instant createdAt, Instant revokedAt) {
}
