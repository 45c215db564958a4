package dev.palisade.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.palisade.tenancy.TenantId;
import dev.palisade.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Appends through the Java API: atomic batches, expected versions, idempotent retries, limits and validation. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class AppendTest {

    @Inject
    EventsTestSupport support;

    @Inject
    EventStore store;

    private final StreamId order = StreamId.of("order-1");

    @Test
    void batchGetsConsecutiveVersionsAndPositions() {
        TenantId tenant = support.newTenant("batch");
        AppendResult first = support.append(tenant, AppendCommand.to(order, ExpectedVersion.noStream(),
                List.of(support.event("A", 1), support.event("B", 2), support.event("C", 3))));
        assertEquals(1, first.fromVersion());
        assertEquals(3, first.toVersion());
        assertEquals(List.of(1L, 2L, 3L), first.positions());
        assertFalse(first.replayed());

        AppendResult second = support.append(tenant, AppendCommand.to(StreamId.of("order-2"),
                ExpectedVersion.any(), List.of(support.event("A", 4))));
        assertEquals(1, second.fromVersion(), "versions count per stream");
        assertEquals(List.of(4L), second.positions(), "positions count per tenant");
    }

    @Test
    void failingBatchWritesNothing() {
        TenantId tenant = support.newTenant("atomic");
        support.append(tenant, AppendCommand.to(StreamId.of("other"), ExpectedVersion.any(),
                List.of(NewEvent.withId(UUID.fromString("00000000-0000-0000-0000-000000000001"), "A",
                        support.data("n", 0), null))));
        // The third event reuses an id already recorded elsewhere: the whole batch must fail.
        List<NewEvent> batch = List.of(support.event("A", 1), support.event("A", 2),
                NewEvent.withId(UUID.fromString("00000000-0000-0000-0000-000000000001"), "A", support.data("n", 3),
                        null));
        assertThrows(EventIdConflictException.class,
                () -> support.append(tenant, AppendCommand.to(order, ExpectedVersion.any(), batch)));
        assertThrows(StreamNotFoundException.class, () -> support.as(tenant, () -> store.readStream(order, 1, 10)));
        assertEquals(1, support.as(tenant, () -> store.head()), "no position was used by the failed batch");
    }

    @Test
    void everyExpectedVersionKindIsChecked() {
        TenantId tenant = support.newTenant("expect");
        assertThrows(WrongExpectedVersionException.class, () -> support.append(tenant,
                AppendCommand.to(order, ExpectedVersion.exists(), List.of(support.event("A", 1)))));
        assertThrows(WrongExpectedVersionException.class, () -> support.append(tenant,
                AppendCommand.to(order, ExpectedVersion.exactly(1), List.of(support.event("A", 1)))));
        support.append(tenant, AppendCommand.to(order, ExpectedVersion.exactly(0), List.of(support.event("A", 1))));
        WrongExpectedVersionException noStream = assertThrows(WrongExpectedVersionException.class,
                () -> support.append(tenant, AppendCommand.to(order, ExpectedVersion.noStream(),
                        List.of(support.event("A", 2)))));
        assertEquals(1, noStream.currentVersion());
        support.append(tenant, AppendCommand.to(order, ExpectedVersion.exists(), List.of(support.event("A", 2))));
        support.append(tenant, AppendCommand.to(order, ExpectedVersion.exactly(2), List.of(support.event("A", 3))));
        support.append(tenant, AppendCommand.to(order, ExpectedVersion.any(), List.of(support.event("A", 4))));
        WrongExpectedVersionException stale = assertThrows(WrongExpectedVersionException.class,
                () -> support.append(tenant, AppendCommand.to(order, ExpectedVersion.exactly(3),
                        List.of(support.event("A", 5)))));
        assertEquals(4, stale.currentVersion(), "the conflict reports the current version");
        assertTrue(stale.getMessage().contains("version 3") && stale.getMessage().contains("4"), stale.getMessage());
    }

    @Test
    void versionMismatchConsumesNoPosition() {
        TenantId tenant = support.newTenant("nogap");
        support.append(tenant, AppendCommand.to(order, ExpectedVersion.noStream(), List.of(support.event("A", 1))));
        for (int i = 0; i < 3; i++) {
            assertThrows(WrongExpectedVersionException.class, () -> support.append(tenant,
                    AppendCommand.to(order, ExpectedVersion.noStream(), List.of(support.event("A", 2)))));
        }
        AppendResult next = support.append(tenant,
                AppendCommand.to(order, ExpectedVersion.exactly(1), List.of(support.event("A", 2))));
        assertEquals(List.of(2L), next.positions(), "rejected appends leave no hole in the feed");
    }

    @Test
    void retryWithSameIdsReturnsTheOriginalResultAndWritesNothing() {
        TenantId tenant = support.newTenant("retry");
        List<NewEvent> events = List.of(
                NewEvent.withId(UUID.randomUUID(), "A", support.data("n", 1), support.data("by", "me")),
                NewEvent.withId(UUID.randomUUID(), "B", support.data("n", 2), null));
        AppendCommand command = AppendCommand.to(order, ExpectedVersion.noStream(), events);
        AppendResult original = support.append(tenant, command);
        support.append(tenant, AppendCommand.to(order, ExpectedVersion.any(), List.of(support.event("C", 3))));

        AppendResult retried = support.append(tenant, command);
        assertTrue(retried.replayed());
        assertEquals(original.fromVersion(), retried.fromVersion());
        assertEquals(original.toVersion(), retried.toVersion());
        assertEquals(original.positions(), retried.positions());
        assertEquals(3, support.as(tenant, () -> store.readStream(order, 1, 100)).events().size(),
                "the retry wrote nothing");
        assertEquals(3, support.as(tenant, () -> store.head()));
    }

    @Test
    void reusedIdWithOtherContentIsAConflict() {
        TenantId tenant = support.newTenant("reuse");
        UUID id = UUID.randomUUID();
        support.append(tenant, AppendCommand.to(order, ExpectedVersion.any(),
                List.of(NewEvent.withId(id, "A", support.data("n", 1), null))));
        EventIdConflictException otherData = assertThrows(EventIdConflictException.class,
                () -> support.append(tenant, AppendCommand.to(order, ExpectedVersion.any(),
                        List.of(NewEvent.withId(id, "A", support.data("n", 2), null)))));
        assertEquals(id, otherData.eventId());
        assertThrows(EventIdConflictException.class, () -> support.append(tenant, AppendCommand.to(order,
                ExpectedVersion.any(), List.of(NewEvent.withId(id, "B", support.data("n", 1), null)))));
        assertThrows(EventIdConflictException.class, () -> support.append(tenant, AppendCommand.to(
                StreamId.of("elsewhere"), ExpectedVersion.any(),
                List.of(NewEvent.withId(id, "A", support.data("n", 1), null)))));
        assertThrows(EventIdConflictException.class, () -> support.append(tenant, AppendCommand.to(order,
                ExpectedVersion.any(),
                List.of(NewEvent.withId(id, "A", support.data("n", 1), null), support.event("A", 9)))));
        assertEquals(1, support.as(tenant, () -> store.head()));
    }

    @Test
    void sameEventIdInTwoTenantsIsIndependent() {
        TenantId a = support.newTenant("ida");
        TenantId b = support.newTenant("idb");
        UUID id = UUID.randomUUID();
        AppendResult inA = support.append(a, AppendCommand.to(order, ExpectedVersion.any(),
                List.of(NewEvent.withId(id, "A", support.data("n", 1), null))));
        AppendResult inB = support.append(b, AppendCommand.to(order, ExpectedVersion.any(),
                List.of(NewEvent.withId(id, "Other", support.data("n", 2), null))));
        assertFalse(inA.replayed());
        assertFalse(inB.replayed(), "another tenant's event with the same id is not a retry");
        assertEquals("Other", support.as(b, () -> store.readStream(order, 1, 10)).events().get(0).type());
    }

    @Test
    void appendsOverTheLimitsAreRefused() {
        TenantId tenant = support.newTenant("limits");
        List<NewEvent> tooMany = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            tooMany.add(support.event("A", i));
        }
        AppendLimitExceededException count = assertThrows(AppendLimitExceededException.class,
                () -> support.append(tenant, AppendCommand.to(order, ExpectedVersion.any(), tooMany)));
        assertEquals("events", count.limit());
        String big = "x".repeat(4 * 1024 * 1024);
        AppendLimitExceededException bytes = assertThrows(AppendLimitExceededException.class,
                () -> support.append(tenant, AppendCommand.to(order, ExpectedVersion.any(),
                        List.of(NewEvent.of("A", support.data("blob", big))))));
        assertEquals("bytes", bytes.limit());
        AppendResult thousand = support.append(tenant,
                AppendCommand.to(order, ExpectedVersion.any(), tooMany.subList(0, 1000)));
        assertEquals(1000, thousand.toVersion(), "exactly the limit is accepted");
    }

    @Test
    void invalidInputNamesTheField() {
        assertEquals("streamId", assertThrows(InvalidEventException.class, () -> StreamId.of("a/b")).field());
        assertEquals("type", assertThrows(InvalidEventException.class,
                () -> NewEvent.of("9lives", support.object())).field());
        assertEquals("data", assertThrows(InvalidEventException.class,
                () -> NewEvent.of("A", support.object().arrayNode())).field());
        assertEquals("metadata", assertThrows(InvalidEventException.class,
                () -> NewEvent.of("A", support.object(), support.object().textNode("x"))).field());
        assertEquals("data.name", assertThrows(InvalidEventException.class,
                () -> NewEvent.of("A", support.data("name", "nul\u0000here"))).field());
        assertEquals("data (a key)", assertThrows(InvalidEventException.class,
                () -> NewEvent.of("A", support.data("k\u0000", "v"))).field());
        assertEquals("data.s", assertThrows(InvalidEventException.class,
                () -> NewEvent.of("A", support.data("s", "\ud800"))).field());
        assertEquals("expectedVersion", assertThrows(InvalidEventException.class,
                () -> ExpectedVersion.parse("latest")).field());
    }
}
