package dev.palisade.tenancy.apikey;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The one digest of secrets: SHA-256 of their UTF-8 bytes. It is all that is stored of an API key, and every
 * comparison of secrets (API keys, the admin key) compares digests in constant time, so that neither content nor
 * length leaks through timing.
 */
public final class SecretDigest {

    private SecretDigest() {
    }

    /** SHA-256 of {@code secret}'s UTF-8 bytes (32 bytes). */
    public static byte[] of(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    /** Whether {@code presented} (null counts as empty) equals {@code expected}, in constant time. */
    public static boolean equal(String presented, String expected) {
        return MessageDigest.isEqual(of(presented == null ? "" : presented), of(expected));
    }
}
