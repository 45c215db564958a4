package dev.palisade.api.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import dev.palisade.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The service's mapper writes every {@link Instant} through {@link IsoInstant}, and what it writes is what Jackson's
 * time module wrote before: the same text for any instant, alone, in a map (document rows) or in a record (views).
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class IsoInstantTest {

    record View(String id, Instant createdAt) {
    }

    private static final ObjectMapper JACKSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Inject
    ObjectMapper service;

    @Test
    void theServiceMapperUsesIt() throws Exception {
        assertSame(IsoInstant.class, service.getSerializerProviderInstance().findValueSerializer(Instant.class)
                .getClass().getEnclosingClass(), "the serializer the service's mapper finds for Instant");
    }

    @Test
    void writesWhatJacksonsTimeModuleWrote() throws Exception {
        Random random = new Random(17);
        for (int i = 0; i < 50_000; i++) {
            Instant at = instant(random, i);
            assertEquals(JACKSON.writeValueAsString(at), service.writeValueAsString(at));
        }
        for (Instant at : List.of(Instant.EPOCH, Instant.EPOCH.minusNanos(1), Instant.parse("0001-01-01T00:00:00Z"),
                Instant.parse("9999-12-31T23:59:59.999999999Z"), Instant.parse("+10000-01-01T00:00:00Z"), Instant.MIN,
                Instant.MAX, Instant.parse("2026-12-03T09:00:00.000100Z"))) {
            assertEquals(JACKSON.writeValueAsString(at), service.writeValueAsString(at), at.toString());
        }
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", "a");
        row.put("createdAt", Instant.parse("2026-12-03T09:00:00.123456Z"));
        row.put("nested", Map.of("at", Instant.parse("1999-12-31T23:59:59Z")));
        assertEquals(JACKSON.writeValueAsString(row), service.writeValueAsString(row));
        View view = new View("v", Instant.parse("2026-01-31T12:00:00.5Z"));
        assertEquals(JACKSON.writeValueAsString(view), service.writeValueAsString(view));
    }

    /** Across the years 1900 to 9999 (before 1970 the formatter hands over to Instant#toString). */
    private static Instant instant(Random random, int i) {
        return Instants.random(random, i, -2_208_988_800L, 255_611_289_600L);
    }
}
