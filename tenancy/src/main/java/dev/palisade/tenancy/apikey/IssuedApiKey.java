package dev.palisade.tenancy.apikey;

import java.time.Instant;
import java.util.UUID;

/** A freshly issued API key with its secret: shown once, never stored, never retrievable again. */
public record IssuedApiKey(UUID id, String secret, Instant createdAt) {

    @Override
    public String toString() {
        return "IssuedApiKey[id=" + id + ", secret=(hidden)]";
    }
}
