package ro.marc.ops.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.HdrHistogram.Histogram;
import tools.jackson.databind.json.JsonMapper;

/**
 * One measured phase of a write benchmark ({@link OrgCommandBenchmark}, {@link AssessmentBenchmark}): C clients
 * send a fixed number of commands over GraphQL, each in a closed loop or at its own {@link Pace}, and record each
 * acknowledgement latency (request sent → HTTP answer that acknowledges the command); meanwhile a watcher per
 * read model (PostgreSQL, Elasticsearch) notes when each command first shows there, so the projection lag is
 * first seen − acknowledged.
 */
final class PhaseRunner {

    static final Duration MAX_PHASE = Duration.ofMinutes(30);
    private static final int ERROR_SAMPLES = 5;

    private PhaseRunner() {}

    /**
     * Where the watchers look: a PostgreSQL table with {@code id, version}; an index whose sources hold
     * {@code version}, or ({@code externalVersion}) whose documents' {@code _version} is the entity's version.
     */
    record ReadModels(String jdbcUrl, String dbUser, String dbPassword, String table, URI elasticsearchUrl,
                      String elasticsearchIndex, boolean externalVersion, Duration pgPoll, Duration esPoll,
                      Duration projectionTimeout) {}

    record StoreLag(String store, Duration pollInterval, int acknowledged, int seen, int missing, int seenBeforeAck,
                    Histogram lag, double catchUpMsAfterLastAck, int polls, int pollErrors, String lastPollError) {}

    record Phase(String name, int commands, int acknowledged, int errors, Map<String, Integer> errorKinds,
                 List<String> errorSamples, long wallNanos, Histogram ack, List<StoreLag> lags) {
        double commandsPerSecond() {
            return acknowledged / (wallNanos / 1e9);
        }
    }

    /**
     * What the clients send in a phase. {@link #next} and {@link #acknowledged} for client {@code k} are
     * called on that client's thread only, so per-client state needs no locking.
     */
    interface CommandSource {
        /** The phase's {@code i}-th command, sent by client {@code k}, and its request (built before the clock starts). */
        Command next(int k, int i);

        /** Null when the response acknowledges the command, else what went wrong. */
        String errorOf(HttpResponse<String> response, Tracked command);

        /** The command was acknowledged. */
        default void acknowledged(int k, Tracked command) {}

        /** The command failed ({@code error}: what went wrong); it may still have taken effect (a timeout). */
        default void failed(int k, Tracked command, String error) {}
    }

    record Command(Tracked tracked, HttpRequest request) {}

    /**
     * Sends {@code count} commands from the clients (client k always through {@code clients[k]}), each client at
     * {@code pace}, while the read models' watchers note when each command shows; returns once the clients are done
     * and the read models drained (or the projection timeout passed).
     */
    static Phase run(String name, int count, List<HttpClient> clients, CommandSource commands, Pace pace,
                     ReadModels readModels, JsonMapper json) throws Exception {
        Tracked[] tracked = new Tracked[count];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        Map<String, Integer> errorKinds = new ConcurrentHashMap<>();
        List<String> errorSamples = new ArrayList<>();
        CountDownLatch start = new CountDownLatch(1);

        try (ProjectionWatcher postgres = new ProjectionWatcher.Postgres(readModels.jdbcUrl(), readModels.dbUser(),
                readModels.dbPassword(), readModels.table(), readModels.pgPoll());
             ProjectionWatcher elasticsearch = new ProjectionWatcher.Elasticsearch(readModels.elasticsearchUrl(),
                     readModels.elasticsearchIndex(), readModels.externalVersion(), json, readModels.esPoll())) {
            List<ProjectionWatcher> watchers = List.of(postgres, elasticsearch);
            List<Thread> watcherThreads = watchers.stream()
                    .map(w -> Thread.ofPlatform().name("bench-watch-" + w.storeName).start(w)).toList();

            ExecutorService pool = Executors.newFixedThreadPool(clients.size(),
                    Thread.ofPlatform().name("bench-client-", 0).factory());
            List<Future<Histogram>> results = new ArrayList<>();
            long started;
            long wall;
            try {
                for (int client = 0; client < clients.size(); client++) {
                    int k = client; // client k always sends through clients[k] to node k mod n (and, per entity, edits entity k)
                    HttpClient http = clients.get(k);
                    results.add(pool.submit(() -> {
                        Histogram histogram = Latency.newHistogram();
                        start.await();
                        long tick = pace.first(System.nanoTime());
                        for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                            Pace.awaitTick(tick);
                            Command sending = commands.next(k, i);
                            Tracked command = sending.tracked();
                            tracked[i] = command;
                            HttpRequest request = sending.request();
                            watchers.forEach(w -> w.expect(command));
                            String error;
                            long t0 = System.nanoTime();
                            command.sentNanos = t0;
                            tick = pace.next(tick, t0);
                            try {
                                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                                long t1 = System.nanoTime();
                                error = commands.errorOf(response, command);
                                if (error == null) {
                                    command.ackNanos = t1;
                                    Latency.record(histogram, t1 - t0);
                                    commands.acknowledged(k, command);
                                }
                            } catch (IOException e) {
                                error = "I/O: " + e;
                            }
                            if (error != null) {
                                command.failed = true;
                                commands.failed(k, command, error);
                                errors.incrementAndGet();
                                errorKinds.merge(errorKind(error), 1, Integer::sum);
                                synchronized (errorSamples) {
                                    if (errorSamples.size() < ERROR_SAMPLES) {
                                        errorSamples.add("#" + (i + 1) + " " + error);
                                    }
                                }
                            }
                        }
                        return histogram;
                    }));
                }
                started = System.nanoTime();
                start.countDown();
                Histogram ack = Latency.newHistogram();
                long phaseDeadline = started + MAX_PHASE.toNanos();
                for (Future<Histogram> result : results) {
                    long left = Math.max(1, phaseDeadline - System.nanoTime());
                    try {
                        ack.add(result.get(left, TimeUnit.NANOSECONDS));
                    } catch (TimeoutException e) {
                        throw new IllegalStateException(name + " phase took longer than " + MAX_PHASE);
                    }
                }
                wall = System.nanoTime() - started;
                long clientsDone = System.nanoTime();

                Duration timeout = readModels.projectionTimeout();
                watchers.forEach(w -> w.clientsFinished(timeout));
                for (Thread thread : watcherThreads) {
                    thread.join(timeout.plusSeconds(30).toMillis());
                    if (thread.isAlive()) {
                        thread.interrupt();
                        thread.join(10_000);
                    }
                }
                int acknowledged = (int) ack.getTotalCount();
                List<StoreLag> lags = watchers.stream()
                        .map(w -> lagOf(w, tracked, acknowledged, clientsDone)).toList();
                return new Phase(name, count, acknowledged, errors.get(), Map.copyOf(errorKinds),
                        List.copyOf(errorSamples), wall, ack, lags);
            } finally {
                pool.shutdownNow();
                watcherThreads.forEach(Thread::interrupt);
            }
        }
    }

    private static StoreLag lagOf(ProjectionWatcher watcher, Tracked[] tracked, int acknowledged, long clientsDone) {
        Histogram lag = Latency.newHistogram();
        int seen = 0;
        int missing = 0;
        int beforeAck = 0;
        long lastSeen = 0;
        for (Tracked command : tracked) {
            if (command == null || command.ackNanos == 0) {
                continue;
            }
            long seenAt = command.seenNanos(watcher.store);
            if (seenAt == 0) {
                missing++;
                continue;
            }
            seen++;
            long nanos = seenAt - command.ackNanos;
            if (nanos < 0) {
                beforeAck++;
                nanos = 0;
            }
            Latency.record(lag, nanos);
            lastSeen = seen == 1 ? seenAt : Math.max(lastSeen, seenAt);
        }
        double catchUp = seen == 0 ? Double.NaN : Math.max(0, lastSeen - clientsDone) / 1e6;
        return new StoreLag(watcher.storeName, watcher.interval, acknowledged, seen, missing, beforeAck, lag, catchUp,
                watcher.polls(), watcher.pollErrors(), watcher.lastPollError());
    }

    /** Groups errors by their kind (the text before the first ':'), so one failure mode shows as one line. */
    static String errorKind(String error) {
        int colon = error.indexOf(':');
        String kind = colon > 0 ? error.substring(0, colon) : error;
        return kind.length() > 80 ? kind.substring(0, 80) : kind;
    }

    /**
     * The projection-lag table of a phase. {@code entity} names what a command shows as ("org unit", "edit"),
     * {@code versioned}: whether a command counts as seen once its entity reached its version (an edit) rather
     * than when it appeared.
     */
    static void printLags(PrintStream out, Phase phase, String entity, boolean versioned) {
        out.println(versioned
                ? "Projection lag (first seen in the read model at the edit's version or later - ack; resolution = poll interval)"
                : "Projection lag (first seen in the read model - ack; resolution = poll interval)");
        out.printf(Locale.ROOT, "  %-14s %6s %6s %8s %9s %9s %9s %9s %10s %7s%n",
                "store", "poll", "seen", "missing", "p50 ms", "p90 ms", "p99 ms", "max ms", "drain ms", "<ack");
        for (StoreLag lag : phase.lags()) {
            out.printf(Locale.ROOT, "  %-14s %6s %6d %8d %9s %9s %9s %9s %10s %7d%n",
                    lag.store(), lag.pollInterval().toMillis() + "ms", lag.seen(), lag.missing(),
                    Latency.fmt(Latency.ms(lag.lag(), 50)), Latency.fmt(Latency.ms(lag.lag(), 90)),
                    Latency.fmt(Latency.ms(lag.lag(), 99)), Latency.fmt(Latency.maxMs(lag.lag())),
                    Latency.fmt(lag.catchUpMsAfterLastAck()), lag.seenBeforeAck());
            if (lag.pollErrors() > 0) {
                out.printf(Locale.ROOT, "    %d of %d polls failed, last: %s%n", lag.pollErrors(), lag.polls(), lag.lastPollError());
            }
        }
        out.printf(Locale.ROOT, "  (drain = last %s seen, after the last ack; <ack = seen before the HTTP answer, counted as 0;%n", entity);
        out.println("   Elasticsearch via realtime _mget, i.e. indexed - search additionally waits for the 1 s refresh)");
    }

    /** The store's lag ("PostgreSQL", "Elasticsearch") in a phase. */
    static StoreLag lag(Phase phase, String store) {
        return phase.lags().stream().filter(l -> l.store().equals(store)).findFirst().orElseThrow();
    }
}
