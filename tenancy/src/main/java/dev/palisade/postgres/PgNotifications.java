package dev.palisade.postgres;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.AgroalConnectionFactoryConfiguration;
import io.agroal.api.security.AgroalDefaultSecurityProvider;
import io.agroal.api.security.AgroalSecurityProvider;

/**
 * PostgreSQL LISTEN/NOTIFY for the whole service. Notifications are received on one dedicated connection (never a
 * pooled one: a listening connection is held for the life of the process), opened with exactly the pool's own
 * connection settings (URL, user, credentials, JDBC properties), so it cannot disagree with the pool.
 * <p>
 * Send either inside a writing transaction ({@code SELECT pg_notify(channel, payload)}: PostgreSQL delivers it to
 * every listener only if that transaction commits), or after the fact with {@link #send}. Notifications can be lost
 * while the listener reconnects (database restart, network), so every subscriber also registers
 * {@link #onReconnect(Runnable)} to catch up from its own state, and must not rely on notifications alone.
 */
@ApplicationScoped
public class PgNotifications {

    /** PostgreSQL's limit for a payload is 8000 bytes. */
    public static final int MAX_PAYLOAD_BYTES = 7999;

    private static final Logger LOG = Logger.getLogger(PgNotifications.class);
    /** How long the listener waits for notifications before it takes up channels added meanwhile. */
    private static final long POLL_MILLIS = 100;

    private final AgroalDataSource pool;
    private final Map<String, List<Consumer<String>>> handlers = new ConcurrentHashMap<>();
    private final List<Runnable> reconnectHandlers = new CopyOnWriteArrayList<>();
    private final Map<String, Boolean> listening = new ConcurrentHashMap<>();
    private volatile boolean running = true;
    private volatile boolean connected;
    private Thread thread;

    PgNotifications(AgroalDataSource pool) {
        this.pool = pool;
    }

    /** Calls {@code handler} with the payload of every notification on {@code channel}, on the listener thread. */
    public void listen(NotifyChannel channel, Consumer<String> handler) {
        handlers.computeIfAbsent(channel.name(), c -> new CopyOnWriteArrayList<>()).add(handler);
        start();
    }

    /** Calls {@code handler} after every (re)connection, when notifications may have been missed. */
    public void onReconnect(Runnable handler) {
        reconnectHandlers.add(handler);
    }

    /** Whether the listener is connected right now. */
    public boolean isConnected() {
        return connected;
    }

    /**
     * Sends one notification per payload, at once, in one transaction of its own on a pooled connection: call it
     * outside any transaction (it is for notifications that must not ride in a writer's transaction). Each payload
     * is at most {@value #MAX_PAYLOAD_BYTES} bytes of UTF-8.
     *
     * @throws SQLException when the database cannot be reached; nothing was sent
     */
    public void send(NotifyChannel channel, List<String> payloads) throws SQLException {
        for (String payload : payloads) {
            if (payload.getBytes(StandardCharsets.UTF_8).length > MAX_PAYLOAD_BYTES) {
                throw new IllegalArgumentException("a notification payload is at most " + MAX_PAYLOAD_BYTES
                        + " bytes; found " + payload.getBytes(StandardCharsets.UTF_8).length);
            }
        }
        if (payloads.isEmpty()) {
            return;
        }
        try (Connection connection = pool.getConnection();
                PreparedStatement st = connection.prepareStatement(
                        "SELECT pg_notify(?, p) FROM unnest(?::text[]) WITH ORDINALITY AS u(p, n) ORDER BY n")) {
            st.setString(1, channel.name());
            st.setArray(2, connection.createArrayOf("text", payloads.toArray()));
            st.executeQuery().close();
        }
    }

    private synchronized void start() {
        if (thread == null) {
            thread = new Thread(this::loop, "palisade-pg-listen");
            thread.setDaemon(true);
            thread.start();
        }
    }

    private void loop() {
        long backoff = 250;
        while (running) {
            try (Connection connection = openLikeThePool()) {
                PGConnection pg = connection.unwrap(PGConnection.class);
                listening.clear();
                listenToNewChannels(connection);
                connected = true;
                backoff = 250;
                reconnectHandlers.forEach(PgNotifications::safely);
                while (running) {
                    listenToNewChannels(connection);
                    PGNotification[] notifications = pg.getNotifications((int) POLL_MILLIS);
                    if (notifications != null) {
                        for (PGNotification n : notifications) {
                            handlers.getOrDefault(n.getName(), List.of())
                                    .forEach(h -> safely(() -> h.accept(n.getParameter())));
                        }
                    }
                }
            } catch (SQLException e) {
                if (running) {
                    LOG.warnf("LISTEN connection lost (SQL state %s); reconnecting in %d ms", e.getSQLState(), backoff);
                }
            } finally {
                connected = false;
            }
            sleep(backoff);
            backoff = Math.min(backoff * 2, 5_000);
        }
    }

    /**
     * A connection outside the pool made from the pool's own connection factory settings, the way Agroal makes its
     * connections: the JDBC properties, then what the security providers make of the principal and credentials.
     */
    private Connection openLikeThePool() throws SQLException {
        AgroalConnectionFactoryConfiguration factory = pool.getConfiguration().connectionPoolConfiguration()
                .connectionFactoryConfiguration();
        Properties properties = new Properties();
        properties.putAll(factory.jdbcProperties());
        List<Object> security = new ArrayList<>();
        security.add(factory.principal());
        security.addAll(factory.credentials());
        for (Object item : security) {
            properties.putAll(securityProperties(factory, item));
        }
        return DriverManager.getConnection(factory.jdbcUrl(), properties);
    }

    private static Properties securityProperties(AgroalConnectionFactoryConfiguration factory, Object item) {
        if (item == null) {
            return new Properties();
        }
        for (AgroalSecurityProvider provider : factory.securityProviders()) {
            Properties properties = provider.getSecurityProperties(item);
            if (properties != null) {
                return properties;
            }
        }
        Properties properties = new AgroalDefaultSecurityProvider().getSecurityProperties(item);
        return properties == null ? new Properties() : properties;
    }

    private void listenToNewChannels(Connection connection) throws SQLException {
        for (String channel : handlers.keySet()) {
            if (listening.putIfAbsent(channel, Boolean.TRUE) == null) {
                try (Statement st = connection.createStatement()) {
                    // The name is a checked plain identifier (NotifyChannel), so it needs no quoting.
                    st.execute("LISTEN " + channel);
                }
            }
        }
    }

    private static void safely(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            LOG.error("A notification handler failed; the notification is not delivered to it again");
        }
    }

    private void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @PreDestroy
    void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }
}
