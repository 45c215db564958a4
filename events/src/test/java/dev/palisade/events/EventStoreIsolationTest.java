package dev.palisade.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import dev.palisade.tenancy.NoTenantException;
import dev.palisade.tenancy.TenantId;
import dev.palisade.tenancy.session.TenantSession;
import dev.palisade.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Tenants' events never meet: through the Java API, through native SQL on the service's datasource, and with no tenant
 * set at all (fail closed). (The REST side of the same contract is the api module's {@code EventIsolationTest}.)
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class EventStoreIsolationTest {

    @Inject
    EventsTestSupport support;

    @Inject
    EventStore store;

    @Inject
    NativeSql nativeSql;

    private static final String INSUFFICIENT_PRIVILEGE = "42501";

    private final StreamId stream = StreamId.of("shared-name");

    @Test
    void otherTenantsStreamsAndFeedAreInvisible() {
        TenantId a = support.newTenant("iso-a");
        TenantId b = support.newTenant("iso-b");
        support.append(a, AppendCommand.to(stream, ExpectedVersion.any(), List.of(support.event("Secret", 1))));

        assertThrows(StreamNotFoundException.class, () -> support.as(b, () -> store.readStream(stream, 1, 10)));
        assertEquals(0, support.as(b, () -> store.currentVersion(stream)));
        assertEquals(List.of(), support.as(b, () -> store.readFeed(FeedQuery.after(0))).events());
        assertEquals(List.of(), support.as(b, () -> store.readFeed(FeedQuery.after(0).withTypes(Set.of("Secret"))))
                .events());
        assertEquals(0, support.as(b, () -> store.head()));
    }

    @Test
    void streamsOfTheSameIdInTwoTenantsAreIndependent() {
        TenantId a = support.newTenant("iso-c");
        TenantId b = support.newTenant("iso-d");
        support.append(a, AppendCommand.to(stream, ExpectedVersion.noStream(), List.of(support.event("A", 1))));
        AppendResult inB = support.append(b, AppendCommand.to(stream, ExpectedVersion.noStream(),
                List.of(support.event("B", 1))));
        assertEquals(1, inB.fromVersion(), "b's stream starts at version 1 whatever a has");
        assertEquals(List.of(1L), inB.positions(), "each tenant has its own feed");
    }

    @Test
    void nativeSqlOnTheServiceDatasourceSeesOnlyTheCurrentTenant() {
        TenantId a = support.newTenant("iso-e");
        TenantId b = support.newTenant("iso-f");
        support.append(a, AppendCommand.to(stream, ExpectedVersion.any(), List.of(support.event("A", 1))));
        support.append(b, AppendCommand.to(stream, ExpectedVersion.any(), List.of(support.event("B", 1))));
        assertEquals(Set.of(b.value()), support.as(b, () -> nativeSql.tenantsOfVisibleEvents()));
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> support.as(b, () -> nativeSql.insertFor(a)));
        SQLException cause = assertInstanceOf(SQLException.class, refused.getCause(), "the database refused it");
        assertEquals(INSUFFICIENT_PRIVILEGE, cause.getSQLState(), cause.getMessage());
        assertTrue(cause.getMessage().contains("row-level security policy"), "refused by row-level security, not by "
                + "anything else: " + cause.getMessage());
        assertFalse(support.as(a, () -> nativeSql.typesOfVisibleEvents()).contains("Forged"),
                "nothing was written for a");
    }

    @Test
    void withoutATenantNothingIsReachable() throws SQLException {
        TenantId a = support.newTenant("iso-g");
        support.append(a, AppendCommand.to(stream, ExpectedVersion.any(), List.of(support.event("A", 1))));
        assertThrows(NoTenantException.class, () -> store.readFeed(FeedQuery.after(0)));
        try (Connection app = support.asApp();
                PreparedStatement st = app.prepareStatement("SELECT count(*) FROM events");
                ResultSet rs = st.executeQuery()) {
            rs.next();
            assertEquals(0, rs.getInt(1), "the service role with no tenant set sees no event");
        }
    }

    /** Native SQL as service code might write it, on the service's own datasource. */
    @jakarta.enterprise.context.ApplicationScoped
    public static class NativeSql {

        @Inject
        DataSource dataSource;

        @Inject
        TenantSession session;

        @Transactional
        public Set<String> tenantsOfVisibleEvents() throws SQLException {
            session.bind();
            try (Connection c = dataSource.getConnection();
                    PreparedStatement st = c.prepareStatement("SELECT DISTINCT tenant_id FROM events");
                    ResultSet rs = st.executeQuery()) {
                Set<String> tenants = new java.util.HashSet<>();
                while (rs.next()) {
                    tenants.add(rs.getString(1));
                }
                assertTrue(tenants.size() <= 1, "at most the current tenant");
                return tenants;
            }
        }

        @Transactional
        public Set<String> typesOfVisibleEvents() throws SQLException {
            session.bind();
            try (Connection c = dataSource.getConnection();
                    PreparedStatement st = c.prepareStatement("SELECT DISTINCT type FROM events");
                    ResultSet rs = st.executeQuery()) {
                Set<String> types = new java.util.HashSet<>();
                while (rs.next()) {
                    types.add(rs.getString(1));
                }
                return types;
            }
        }

        @Transactional
        public Void insertFor(TenantId other) throws SQLException {
            session.bind();
            try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement("""
                    INSERT INTO events (tenant_id, position, stream_id, version, event_id, type, data)
                    VALUES (?, 999, 'forged', 1, ?, 'Forged', '{}')
                    """)) {
                st.setString(1, other.value());
                st.setObject(2, UUID.randomUUID());
                st.executeUpdate();
            }
            return null;
        }
    }
}
