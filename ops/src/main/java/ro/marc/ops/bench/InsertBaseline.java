package ro.marc.ops.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.HdrHistogram.Histogram;

/**
 * The floor to compare MARC against: single-row {@code INSERT} + {@code COMMIT} into a scratch table
 * of the same PostgreSQL database, from as many connections as MARC had clients. Each commit is
 * one durable write, like the one event append behind each MARC command.
 */
final class InsertBaseline implements AutoCloseable {

    static final String TABLE = "bench_insert";

    record Result(int rows, int errors, long wallNanos, Histogram latency, String firstError) {
        double rowsPerSecond() {
            return rows / (wallNanos / 1e9);
        }
    }

    private final String jdbcUrl;
    private final String user;
    private final String password;
    /** Opened by {@link #connect(int)} before the MARC phases, so a server out of connections fails the run early. */
    private final List<Connection> connections = new ArrayList<>();

    InsertBaseline(String jdbcUrl, String user, String password) {
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
    }

    /** Opens the {@code clients} connections the baseline will use (autocommit off); they wait idle until {@link #run}. */
    InsertBaseline connect(int clients) throws SQLException {
        for (int i = 0; i < clients; i++) {
            Connection connection = connect();
            connection.setAutoCommit(false);
            connections.add(connection);
        }
        return this;
    }

    @Override
    public void close() throws SQLException {
        for (Connection connection : connections) {
            connection.close();
        }
        connections.clear();
    }

    /**
     * Creates the scratch table, runs {@code warmup} then {@code rows} measured inserts on the connections
     * {@link #connect(int)} opened (one client each, closed loop), drops the table.
     */
    Result run(int rows, int warmup) throws Exception {
        return run(rows, warmup, Pace.CLOSED_LOOP);
    }

    /** As {@link #run(int, int)}, each connection sending its measured inserts at {@code pace} (the warm-up unpaced). */
    Result run(int rows, int warmup, Pace pace) throws Exception {
        int clients = connections.size();
        try (Connection admin = connect()) {
            admin.setAutoCommit(true);
            try (Statement statement = admin.createStatement()) {
                statement.execute("DROP TABLE IF EXISTS " + TABLE);
                statement.execute("CREATE TABLE " + TABLE + " (id uuid PRIMARY KEY, name text, at timestamptz)");
            }
            try {
                if (warmup > 0) {
                    insert(warmup, clients, "warm-up", Pace.CLOSED_LOOP);
                }
                return insert(rows, clients, "row", pace);
            } finally {
                try (Statement statement = admin.createStatement()) {
                    statement.execute("DROP TABLE IF EXISTS " + TABLE);
                }
            }
        }
    }

    private Result insert(int rows, int clients, String namePrefix, Pace pace) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients, Thread.ofPlatform().name("bench-insert-", 0).factory());
        try {
            AtomicInteger next = new AtomicInteger();
            AtomicInteger errors = new AtomicInteger();
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Histogram>> results = new ArrayList<>();
            List<String> firstError = new ArrayList<>();
            for (Connection connection : connections) {
                results.add(pool.submit(() -> {
                    Histogram histogram = Latency.newHistogram();
                    try (PreparedStatement insert = connection.prepareStatement(
                            "INSERT INTO " + TABLE + " (id, name, at) VALUES (?, ?, ?)")) {
                        start.await();
                        long tick = pace.first(System.nanoTime());
                        for (int i = next.getAndIncrement(); i < rows; i = next.getAndIncrement()) {
                            Pace.awaitTick(tick);
                            UUID id = UUID.randomUUID();
                            long t0 = System.nanoTime();
                            tick = pace.next(tick, t0);
                            try {
                                insert.setObject(1, id);
                                insert.setString(2, namePrefix + " " + i);
                                insert.setObject(3, OffsetDateTime.now());
                                insert.executeUpdate();
                                connection.commit();
                                Latency.record(histogram, System.nanoTime() - t0);
                            } catch (SQLException e) {
                                errors.incrementAndGet();
                                synchronized (firstError) {
                                    if (firstError.isEmpty()) {
                                        firstError.add(e.toString());
                                    }
                                }
                                connection.rollback();
                            }
                        }
                    }
                    return histogram;
                }));
            }
            long t0 = System.nanoTime();
            start.countDown();
            Histogram all = Latency.newHistogram();
            for (Future<Histogram> result : results) {
                all.add(result.get(30, TimeUnit.MINUTES));
            }
            long wall = System.nanoTime() - t0;
            return new Result((int) all.getTotalCount(), errors.get(), wall, all,
                    firstError.isEmpty() ? null : firstError.getFirst());
        } finally {
            pool.shutdownNow();
        }
    }

    private Connection connect() throws SQLException {
        return new BenchDatabase(jdbcUrl, user, password, "marc-bench-insert-baseline").connect();
    }
}
