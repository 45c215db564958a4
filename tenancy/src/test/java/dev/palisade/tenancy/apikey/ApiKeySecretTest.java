package dev.palisade.tenancy.apikey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class ApiKeySecretTest {

    @Test
    void generatedSecretsCarryTheirKeyIdAnd256RandomBits() {
        ApiKeySecret.Generated one = ApiKeySecret.generate();
        ApiKeySecret.Generated two = ApiKeySecret.generate();
        assertTrue(one.secret().matches("pal_[0-9a-f]{32}_[A-Za-z0-9_-]{43}"), one.secret());
        assertEquals(Optional.of(one.keyId()), ApiKeySecret.keyId(one.secret()), "the key id parses back");
        assertNotEquals(one.secret().substring(37), two.secret().substring(37), "the random parts differ");
        assertEquals(32, java.util.Base64.getUrlDecoder().decode(one.secret().substring(37)).length,
                "43 base64url characters are 32 bytes: 256 bits");
    }

    @Test
    void malformedSecretsHaveNoKeyId() {
        for (String bad : new String[]{null, "", "pal_", "Bearer x", "pal_" + "g".repeat(32) + "_" + "a".repeat(43),
                "pal_" + "0".repeat(32) + "_" + "a".repeat(42) + "!"}) {
            assertEquals(Optional.empty(), ApiKeySecret.keyId(bad), String.valueOf(bad));
        }
    }

    @Test
    void hashIsSha256() {
        assertEquals(32, SecretDigest.of("anything").length);
    }
}
