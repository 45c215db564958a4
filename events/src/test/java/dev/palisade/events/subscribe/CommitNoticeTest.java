package dev.palisade.events.subscribe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import dev.palisade.postgres.PgNotifications;
import dev.palisade.tenancy.TenantId;

/** The notice payload: every tenant arrives, no payload exceeds PostgreSQL's limit, the 1.1.0 form is understood. */
class CommitNoticeTest {

    @Test
    void manyLongTenantIdsFitInFewPayloadsUnderTheLimitAndReadBackWhole() {
        Set<TenantId> tenants = new LinkedHashSet<>();
        IntStream.range(0, 1000).forEach(i -> tenants.add(TenantId.of(String.format("t%062d", i))));
        List<String> payloads = CommitNotice.payloads("abc123", tenants);

        assertTrue(payloads.size() > 1 && payloads.size() <= 1000 * 64 / 7000 + 1, payloads.size() + " payloads");
        Set<TenantId> read = new LinkedHashSet<>();
        for (String payload : payloads) {
            int bytes = payload.getBytes(StandardCharsets.UTF_8).length;
            assertTrue(bytes <= PgNotifications.MAX_PAYLOAD_BYTES, bytes + " bytes");
            CommitNotice notice = CommitNotice.parse(payload);
            assertEquals("abc123", notice.sender());
            read.addAll(notice.tenants());
        }
        assertEquals(tenants, read);
    }

    @Test
    void aBareTenantIdIsTheNoticeOfAnAppendFunctionWithoutSender() {
        CommitNotice notice = CommitNotice.parse("acme");
        assertEquals("", notice.sender());
        assertEquals(Set.of(TenantId.of("acme")), notice.tenants());
    }

    @Test
    void invalidTenantIdsAreSkipped() {
        assertEquals(Set.of(TenantId.of("ok-1")), CommitNotice.parse("x:ok-1,NOT VALID,,;").tenants());
    }
}
