package dev.palisade.api.auth;

/** Reading credentials from headers; comparing them is {@link dev.palisade.tenancy.apikey.SecretDigest}'s job. */
public final class Secrets {

    private Secrets() {
    }

    /** The token of an {@code Authorization: Bearer <token>} header, or null. */
    public static String bearer(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = authorization.substring(7).trim();
        return token.isEmpty() ? null : token;
    }
}
