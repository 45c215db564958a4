package dev.palisade.tenancy.apikey;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The format of API key secrets: {@code pal_<key id, 32 hex>_<256 random bits, base64url>}. The prefix makes a leaked
 * key recognisable to secret scanners; the key id finds the row without a scan; only its {@link SecretDigest} is
 * stored (a slow hash adds nothing to 256 bits of entropy and would cost every request).
 */
final class ApiKeySecret {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern FORMAT = Pattern.compile("^pal_([0-9a-f]{32})_([A-Za-z0-9_-]{43})$");

    private ApiKeySecret() {
    }

    record Generated(UUID keyId, String secret) {
    }

    static Generated generate() {
        UUID keyId = UUID.randomUUID();
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String secret = "pal_" + keyId.toString().replace("-", "") + "_"
                + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        return new Generated(keyId, secret);
    }

    /** The key id inside a presented secret, if it has the format at all. */
    static Optional<UUID> keyId(String presented) {
        if (presented == null || presented.length() != 80) {
            return Optional.empty();
        }
        Matcher m = FORMAT.matcher(presented);
        if (!m.matches()) {
            return Optional.empty();
        }
        String hex = m.group(1);
        return Optional
                .of(new UUID(HexFormat.fromHexDigitsToLong(hex, 0, 16), HexFormat.fromHexDigitsToLong(hex, 16, 32)));
    }
}
