package dev.palisade.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TenantIdTest {

    @Test
    void acceptsTheDocumentedFormat() {
        assertEquals("acme", TenantId.of("acme").value());
        assertTrue(TenantId.isValid("a1"));
        assertTrue(TenantId.isValid("0-tenant-" + "x".repeat(54)));
    }

    @Test
    void rejectsEverythingElseWithoutEchoingControlCharacters() {
        for (String bad : new String[]{null, "", "a", "A1", "-a", "a_b", "a b", "a".repeat(64), "é1", "a;--",
                "a\u0000b"}) {
            assertFalse(TenantId.isValid(bad), String.valueOf(bad));
        }
        InvalidTenantIdException e = assertThrows(InvalidTenantIdException.class, () -> TenantId.of("a\u0000b"));
        assertFalse(e.getMessage().contains("\u0000"), "messages must not carry raw control characters");
    }
}
