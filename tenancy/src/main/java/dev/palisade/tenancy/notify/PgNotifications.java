package dev.palisade.tenancy.notify;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * PostgreSQL LISTEN/NOTIFY for the whole service on one dedicated connection (never a pooled one: a listening
 * connection is held for the life of the process).
 * <p>
 * Publish with {@code SELECT pg_notify('channel', payload)} inside the writing transaction; PostgreSQL delivers it to
 * every replica only if that transaction commits. Notifications can be lost while the listener reconnects (database
 * restart, network), so every subscriber also registers {@link #onReconnect(Runnable)} to catch up from its own state,
 * and must not rely on notifications alone for correctness.
 */
@ApplicationScoped
public class PgNotifications {

    private static final Logger LOG = Logger.getLogger(PgNotifications.class);
    private static final long POLL_MILLIS = 500;

    private final String url;
    private final String username;
    private final String password;
    private final Map<String, List<Consumer<String>>> handlers = new ConcurrentHashMap<>();
    private final List<Runnable> reconnectHandlers = new CopyOnWriteArrayList<>();
    private final Map<String, Boolean> listening = new ConcurrentHashMap<>();
    private volatile boolean running = true;
    private volatile boolean connected;
    private Thread thread;

    PgNotifications(@ConfigProperty(name = "quarkus.datasource.jdbc.url") Optional<String> url,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> username,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.url = url.orElse(null);
        this.username = username.orElse(null);
        this.password = password.orElse("");
    }

    /** Calls {@code handler} with the payload of every notification on {@code channel}, on the listener thread. */
    public void listen(String channel, Consumer<String> handler) {
        if (!channel.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("channel must be a plain lower-case identifier, got '" + channel + "'");
        }
        handlers.computeIfAbsent(channel, c -> new CopyOnWriteArrayList<>()).add(handler);
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

    private synchronized void start() {
        if (thread == null && url != null) {
            thread = new Thread(this::loop, "palisade-pg-listen");
            thread.setDaemon(true);
            thread.start();
        }
    }

    private void loop() {
        long backoff = 250;
        while (running) {
            try (Connection connection = DriverManager.getConnection(url, username, password)) {
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

    private void listenToNewChannels(Connection connection) throws SQLException {
        for (String channel : handlers.keySet()) {
            if (listening.putIfAbsent(channel, Boolean.TRUE) == null) {
                try (Statement st = connection.createStatement()) {
                    st.execute("LISTEN " + channel);
                }
            }
        }
    }

    private static void safely(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            LOG.errorf("A notification handler failed: %s", e.getClass().getName());
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
