package ro.marc.api.cluster;

import com.zaxxer.hikari.HikariDataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Signals between MARC nodes through PostgreSQL LISTEN/NOTIFY: "something committed, look again".
 * A signal is a hint, never the record: it is lost when a node is disconnected (or dies between a
 * commit and its signal), so every user keeps a fallback (a slower poll) and re-checks on
 * {@link #listening()} false and after a reconnect ({@code onResync}).
 *
 * <p>Receiving: one dedicated JDBC connection per node (outside the Hikari pool, same URL and
 * credentials) LISTENs on the subscribed channels; one daemon platform thread reads it with
 * {@link PGConnection#getNotifications(int)} and calls the channel's subscribers on that thread
 * (so they must be quick). A broken connection is reopened with back-off.
 *
 * <p>Sending: {@link #signal} waits for the current transaction's commit (nothing is signalled for
 * rolled-back work), then a sender thread NOTIFYs in a short transaction of its own on a pooled
 * connection, coalescing identical pending signals. Not NOTIFY inside the writer's transaction:
 * PostgreSQL serialises the commits of notifying transactions on one global lock held through
 * the commit's WAL flush (no group commit among them); measured on this machine with pgbench
 * (8 clients, insert + commit), 9,500-10,000 tps plain against 3,200-3,500 tps with a NOTIFY in the
 * same transaction. The sender's transaction commits with {@code synchronous_commit = off} (a lost
 * hint costs one fallback poll), so it holds that lock only briefly, and under load one NOTIFY
 * transaction carries many writers' signals.
 */
@Component
public class ClusterSignals implements InitializingBean, DisposableBean {

    /**
     * Events appended (payload: the appending node's {@link #nodeId()}): the other nodes' projection
     * processors wake up ({@link ro.marc.api.config.CommitNotifyingEventSource}).
     */
    public static final String EVENTS = "marc_events";
    /** A projection batch committed (payload: the processing group): read-your-writes re-reads. */
    public static final String PROJECTION = "marc_projection";
    /** A notification committed (payload: its id): every node pushes it to its subscriptions. */
    public static final String NOTIFICATION = "marc_notification";
    /** An account's access changed (payload: the user id): caller caches evict. */
    public static final String ACCESS = "marc_access";

    private static final Logger log = LoggerFactory.getLogger(ClusterSignals.class);
    private static final String APPLICATION_NAME = "marc-cluster-signals";
    /** How long one read of the connection blocks; also how soon a new channel is LISTENed and a stop is seen. */
    private static final int READ_TIMEOUT_MILLIS = 500;
    /** After this long without a notification the connection is checked (a silently dead socket sends nothing). */
    private static final Duration IDLE_CHECK = Duration.ofSeconds(5);
    private static final Duration MIN_BACKOFF = Duration.ofMillis(200);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);
    /** PostgreSQL's limit on a NOTIFY payload. */
    private static final int MAX_PAYLOAD_BYTES = 8000;
    /** Distinct signals waiting for the sender beyond which new ones are dropped (a database outage). */
    private static final int MAX_PENDING = 10_000;

    /** Ends a subscription. */
    public interface Subscription extends AutoCloseable {
        @Override
        void close();
    }

    /** What a subscriber is told: a payload, and "you may have missed signals" after a reconnect. */
    private record Subscriber(Consumer<String> onSignal, Runnable onResync) {
    }

    private record Signal(String channel, String payload) {
    }

    private final DataSource dataSource;
    private final String nodeId = UUID.randomUUID().toString();
    private final Map<String, List<Subscriber>> subscribers = new ConcurrentHashMap<>();
    /** Channels LISTENed on the current connection (listener thread only). */
    private final Set<String> listened = new LinkedHashSet<>();
    private final Set<Signal> pending = new LinkedHashSet<>();
    private volatile boolean running;
    private volatile boolean listening;
    private volatile Connection connection;
    private Thread listener;
    private Thread sender;

    public ClusterSignals(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Calls {@code onSignal} with the payload of every signal on {@code channel}, from any node (this
     * one included), on the listener thread. A channel first subscribed after start-up is LISTENed
     * within half a second.
     */
    public Subscription subscribe(String channel, Consumer<String> onSignal) {
        return subscribe(channel, onSignal, () -> {
        });
    }

    /**
     * As {@link #subscribe(String, Consumer)}; {@code onResync} runs each time the listener has
     * (re)connected: signals sent before, while it was not listening, were missed.
     */
    public Subscription subscribe(String channel, Consumer<String> onSignal, Runnable onResync) {
        Subscriber subscriber = new Subscriber(onSignal, onResync);
        subscribers.computeIfAbsent(channel, c -> new CopyOnWriteArrayList<>()).add(subscriber);
        return () -> subscribers.getOrDefault(channel, List.of()).remove(subscriber);
    }

    /** This node's random id (new at every start), for payloads whose receivers skip their own node's signals. */
    public String nodeId() {
        return nodeId;
    }

    /** Whether signals are being received now; when false, users fall back to polling (or fail closed). */
    public boolean listening() {
        return listening;
    }

    /**
     * Signals {@code payload} on {@code channel} to every node once the current transaction commits
     * (never when it rolls back); at once outside a transaction. Payloads are short (PostgreSQL takes
     * at most 8000 bytes); identical signals pending at the same moment are sent once.
     */
    public void signal(String channel, String payload) {
        Signal signal = new Signal(channel, payload == null ? "" : payload);
        if (signal.payload().getBytes(StandardCharsets.UTF_8).length >= MAX_PAYLOAD_BYTES) {
            throw new IllegalArgumentException("signal payload too long for NOTIFY: " + signal.payload().length());
        }
        if (TransactionSynchronizationManager.isActualTransactionActive()
                && TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    post(signal);
                }
            });
        } else {
            post(signal);
        }
    }

    private void post(Signal signal) {
        synchronized (pending) {
            if (pending.size() >= MAX_PENDING) {
                return; // the database is unreachable for a while: the receivers poll meanwhile
            }
            pending.add(signal);
            pending.notifyAll();
        }
    }

    @Override
    public void afterPropertiesSet() {
        running = true;
        listener = Thread.ofPlatform().daemon().name("cluster-signals-listen").start(this::listen);
        sender = Thread.ofPlatform().daemon().name("cluster-signals-send").start(this::send);
    }

    @Override
    public void destroy() throws InterruptedException {
        running = false;
        synchronized (pending) {
            pending.notifyAll();
        }
        // the listener sees the stop within READ_TIMEOUT_MILLIS and closes its connection itself
        listener.join(READ_TIMEOUT_MILLIS * 4L);
        sender.join(READ_TIMEOUT_MILLIS * 4L);
    }

    // ---- receiving

    private void listen() {
        Duration backoff = MIN_BACKOFF;
        boolean failed = false;
        while (running) {
            try {
                connection = open();
                listened.clear();
                listenToSubscribedChannels();
                listening = true;
                backoff = MIN_BACKOFF;
                if (failed) {
                    log.info("Cluster signals: listening again");
                }
                // signals sent before now (while disconnected, or before the first connection) were missed
                resync();
                receive();
            } catch (SQLException | RuntimeException e) {
                failed = true;
                if (running) {
                    log.warn("Cluster signals: listener connection lost or unavailable ({}); retrying in {} ms",
                            e.getMessage(), backoff.toMillis());
                }
            } finally {
                listening = false;
                closeQuietly();
            }
            if (running) {
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    private void receive() throws SQLException {
        PGConnection pg = connection.unwrap(PGConnection.class);
        long quietSince = System.nanoTime();
        while (running) {
            listenToSubscribedChannels();
            PGNotification[] notifications = pg.getNotifications(READ_TIMEOUT_MILLIS);
            if (notifications != null && notifications.length > 0) {
                quietSince = System.nanoTime();
                for (PGNotification notification : notifications) {
                    dispatch(notification.getName(), notification.getParameter());
                }
            } else if (System.nanoTime() - quietSince > IDLE_CHECK.toNanos()) {
                if (!connection.isValid(2)) {
                    throw new SQLException("listener connection no longer valid");
                }
                quietSince = System.nanoTime();
            }
        }
    }

    private Connection open() throws SQLException {
        Connection opened;
        HikariDataSource hikari = unwrapHikari();
        if (hikari != null) {
            // a connection of its own, not a pool slot held forever; same URL, credentials and driver properties
            Properties properties = new Properties();
            properties.putAll(hikari.getDataSourceProperties());
            if (hikari.getUsername() != null) {
                properties.setProperty("user", hikari.getUsername());
            }
            if (hikari.getPassword() != null) {
                properties.setProperty("password", hikari.getPassword());
            }
            properties.setProperty("ApplicationName", APPLICATION_NAME);
            properties.setProperty("tcpKeepAlive", "true");
            properties.setProperty("connectTimeout", "5");
            opened = DriverManager.getConnection(hikari.getJdbcUrl(), properties);
        } else {
            opened = dataSource.getConnection(); // not Hikari: hold one pooled connection instead
        }
        opened.setAutoCommit(true); // notifications are delivered only between transactions
        return opened;
    }

    private HikariDataSource unwrapHikari() {
        try {
            return dataSource.isWrapperFor(HikariDataSource.class) ? dataSource.unwrap(HikariDataSource.class) : null;
        } catch (SQLException e) {
            return null;
        }
    }

    private void listenToSubscribedChannels() throws SQLException {
        for (String channel : subscribers.keySet()) {
            if (!listened.contains(channel)) {
                try (Statement statement = connection.createStatement()) {
                    // channel names are MARC's constants, but quote them as identifiers anyway
                    statement.execute("LISTEN \"" + channel.replace("\"", "\"\"") + "\"");
                }
                listened.add(channel);
            }
        }
    }

    private void dispatch(String channel, String payload) {
        for (Subscriber subscriber : subscribers.getOrDefault(channel, List.of())) {
            try {
                subscriber.onSignal().accept(payload);
            } catch (RuntimeException e) {
                log.warn("Cluster signals: subscriber of {} failed on '{}'", channel, payload, e);
            }
        }
    }

    private void resync() {
        subscribers.values().forEach(list -> list.forEach(subscriber -> {
            try {
                subscriber.onResync().run();
            } catch (RuntimeException e) {
                log.warn("Cluster signals: resync of a subscriber failed", e);
            }
        }));
    }

    private void closeQuietly() {
        Connection current = connection;
        connection = null;
        if (current != null) {
            try {
                current.close();
            } catch (SQLException | RuntimeException ignored) {
                // already broken
            }
        }
    }

    // ---- sending

    private void send() {
        while (running) {
            List<Signal> batch;
            synchronized (pending) {
                while (running && pending.isEmpty()) {
                    try {
                        pending.wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
                batch = new ArrayList<>(pending);
                pending.clear();
            }
            if (!batch.isEmpty()) {
                sendBatch(batch);
            }
        }
    }

    private void sendBatch(List<Signal> batch) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Statement statement = c.createStatement();
                 PreparedStatement notify = c.prepareStatement(
                         "SELECT pg_notify(channel, payload) FROM unnest(?::text[], ?::text[]) AS s(channel, payload)")) {
                statement.execute("SET LOCAL synchronous_commit = off");
                notify.setArray(1, c.createArrayOf("text", batch.stream().map(Signal::channel).toArray()));
                notify.setArray(2, c.createArrayOf("text", batch.stream().map(Signal::payload).toArray()));
                notify.execute();
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException | RuntimeException e) {
            // a hint lost: the receivers' fallback polls cover it
            log.warn("Cluster signals: {} signal(s) not sent ({})", batch.size(), e.getMessage());
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Test hook: the listener connection's backend process id, or -1 when disconnected. */
    int backendPid() {
        Connection current = connection;
        try {
            return current == null || !listening ? -1 : current.unwrap(PGConnection.class).getBackendPID();
        } catch (SQLException e) {
            return -1;
        }
    }
}
