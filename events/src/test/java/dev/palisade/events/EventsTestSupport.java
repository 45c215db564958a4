package dev.palisade.events;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.postgresql.ds.PGSimpleDataSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.palisade.events.append.EventAppender;
import dev.palisade.tenancy.TenantId;
import dev.palisade.testing.TestSql;
import dev.palisade.tenancy.context.TenantScope;

/** Tenants, events and raw connections for the event store's tests. */
@ApplicationScoped
public class EventsTestSupport {

    @Inject
    TenantScope scope;

    @Inject
    EventStore store;

    @Inject
    ObjectMapper json;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @ConfigProperty(name = "quarkus.datasource.username")
    String appUser;

    @ConfigProperty(name = "quarkus.datasource.password")
    String appPassword;

    /** A new tenant with a unique id, registered as the service would (the service role may insert tenants). */
    public TenantId newTenant(String prefix) {
        TenantId tenant = TenantId.of(prefix + "-" + UUID.randomUUID().toString().substring(0, 8));
        try (Connection c = asApp();
                PreparedStatement st = c.prepareStatement("INSERT INTO tenants (id, name) VALUES (?, ?)")) {
            st.setString(1, tenant.value());
            st.setString(2, "Tenant " + tenant.value());
            st.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return tenant;
    }

    public <T> T as(TenantId tenant, java.util.concurrent.Callable<T> work) {
        return scope.call(tenant, work);
    }

    public AppendResult append(TenantId tenant, AppendCommand command) {
        return scope.call(tenant, () -> store.append(command));
    }

    public ObjectNode data(String key, String value) {
        return json.createObjectNode().put(key, value);
    }

    public ObjectNode data(String key, long value) {
        return json.createObjectNode().put(key, value);
    }

    /** One event of {@code type} with {@code {"n": n}} as data and a generated id. */
    public NewEvent event(String type, long n) {
        return NewEvent.of(type, data("n", n));
    }

    public ObjectNode object() {
        return json.createObjectNode();
    }

    /** The superuser's name. */
    public String superuserName() {
        return ConfigProvider.getConfig().getValue("palisade.test.superuser.username", String.class);
    }

    /** The service role's name. */
    public String appRole() {
        return appUser;
    }

    public Connection asApp() throws SQLException {
        return TestSql.app();
    }

    public Connection asOwner() throws SQLException {
        return TestSql.owner();
    }

    /**
     * An appender as another replica of the service has one: its own connections (not this process's pool), and
     * commits this process hears nothing of.
     */
    public EventAppender replicaAppender() {
        PGSimpleDataSource own = new PGSimpleDataSource();
        own.setUrl(url);
        own.setUser(appUser);
        own.setPassword(appPassword);
        return new EventAppender(own, json, 1000, 4 << 20, committed -> {
        });
    }

    public Connection asSuperuser() throws SQLException {
        return TestSql.superuser();
    }
}
