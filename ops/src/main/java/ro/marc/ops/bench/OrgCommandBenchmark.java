package ro.marc.ops.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.HdrHistogram.Histogram;
import tools.jackson.databind.json.JsonMapper;

/**
 * Write-path benchmark of MARC's commands, run against one or more live app nodes (see
 * {@code ops/bench/run-benchmark.sh}, which starts everything on this machine).
 *
 * Three workloads ({@code --workload}):
 * <ul>
 *   <li>{@code create} (default): every command is a createOrgUnit of a new org unit under the run's parent.</li>
 *   <li>{@code rename}, per-entity edits: the setup creates one org unit per client; each client then
 *       renames only its own one, with expectedVersion = the version its last acknowledged command
 *       produced, so one org unit goes through many versions.</li>
 *   <li>{@code activity}, per-entity edits of the nomenclature: the setup defines a domain and proposes one
 *       activity per client (approved at once); each client then renames only its own activity with
 *       correctApprovedItem and expectedVersion. Each activity is its own aggregate, so nothing but the
 *       machine serialises the clients.</li>
 * </ul>
 * With several {@code --url}s (nodes over one database), client k always sends to node k mod n.
 * <ol>
 *   <li>Logs in as the demo central administrator, creates a parent org unit for the run (and, for
 *       renames, the clients' org units under it) and warms up with unmeasured commands.</li>
 *   <li>Sends N mutations from C concurrent clients (closed loop, one keep-alive HTTP connection each)
 *       and records each acknowledgement latency: request sent → HTTP 200 without GraphQL errors.
 *       Throughput = N / wall time.</li>
 *   <li>Meanwhile two watchers poll the read models (PostgreSQL {@code org_unit} every 5 ms,
 *       Elasticsearch realtime {@code _mget} every 10 ms) and note when each command first shows
 *       (its org unit at the version the command produced, or later): projection lag = first seen −
 *       acknowledged.</li>
 *   <li>Baseline: single-row INSERT + COMMIT into a scratch table of the same database, N rows
 *       from C connections.</li>
 * </ol>
 *
 * All organisation commands go through one event-sourced aggregate, so they are serialised by design;
 * the benchmark shows what that costs next to the raw commit rate of the database underneath.
 * Exit code 0 when every command was acknowledged and seen in both read models, 1 otherwise,
 * 2 for a bad command line, 3 when the run could not be carried out.
 */
public final class OrgCommandBenchmark {

    private static final Duration MAX_PHASE = Duration.ofMinutes(30);
    private static final int ERROR_SAMPLES = 5;

    private final BenchOptions options;
    private final JsonMapper json = JsonMapper.builder().build();
    /** The first node: setup and control requests. */
    private final MarcClient marc;
    /** One per node (each node signs its own dev tokens); client k sends to {@code nodes[k mod n]}. */
    private final List<MarcClient> nodes;
    private final PrintStream out = System.out;

    private OrgCommandBenchmark(BenchOptions options) {
        this.options = options;
        this.nodes = options.urls().stream().map(url -> new MarcClient(url, json)).toList();
        this.marc = nodes.getFirst();
    }

    private MarcClient nodeOf(int client) {
        return nodes.get(client % nodes.size());
    }

    public static void main(String[] args) {
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (BenchOptions.UsageException e) {
            if (e.getMessage() != null) {
                System.err.println(e.getMessage());
            }
            System.err.println(BenchOptions.USAGE);
            System.exit(e.getMessage() == null ? 0 : 2);
            return;
        }
        int exit;
        try {
            exit = new OrgCommandBenchmark(options).run();
        } catch (java.net.ConnectException e) {
            System.err.println("BENCHMARK FAILED: cannot connect to " + options.urls() + " or " + options.elasticsearchUrl()
                    + " (" + e + "); is the app running?");
            exit = 3;
        } catch (Exception e) {
            System.err.println("BENCHMARK FAILED: " + e);
            e.printStackTrace(System.err);
            exit = 3;
        }
        System.exit(exit);
    }

    // ---------------------------------------------------------------- the run

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
    private interface CommandSource {
        /** The phase's {@code i}-th command, sent by client {@code k}, and its request (built before the clock starts). */
        Command next(int k, int i);

        /** Null when the response acknowledges the command, else what went wrong. */
        String errorOf(HttpResponse<String> response, Tracked command);

        /** The command was acknowledged. */
        default void acknowledged(int k, Tracked command) {}
    }

    record Command(Tracked tracked, HttpRequest request) {}

    /** createOrgUnit of a new org unit each time, round-robin over the parents. */
    private CommandSource creates(List<UUID> parents, String namePrefix) {
        return new CommandSource() {
            @Override
            public Command next(int k, int i) {
                UUID id = UUID.randomUUID();
                return new Command(new Tracked(id, 1), nodeOf(k).createRequest(id, parents.get(i % parents.size()), namePrefix + (i + 1)));
            }

            @Override
            public String errorOf(HttpResponse<String> response, Tracked command) {
                return marc.errorOf(response);
            }
        };
    }

    /**
     * An org unit renamed by one client only. {@code version} is the version its last acknowledged command
     * produced; it carries over from the warm-up to the measured phase (different threads, hence volatile).
     */
    private static final class OwnUnit {
        final UUID id;
        volatile long version;

        OwnUnit(UUID id, long version) {
            this.id = id;
            this.version = version;
        }
    }

    /**
     * renameOrgUnit of client k's own org unit each time, expecting the version its last acknowledged
     * command produced. A refused command leaves the version as it was, so the next one retries from it.
     * The name carries the client and the version it produces: unique among the siblings, and never the
     * unit's current name (an unchanged name would be accepted without a new version).
     */
    private CommandSource renames(List<OwnUnit> units, String namePrefix) {
        return new CommandSource() {
            @Override
            public Command next(int k, int i) {
                OwnUnit unit = units.get(k);
                long expected = unit.version;
                Tracked command = new Tracked(unit.id, expected + 1);
                return new Command(command, nodeOf(k).renameRequest(unit.id,
                        namePrefix + "unit " + (k + 1) + " v" + command.version, expected));
            }

            @Override
            public String errorOf(HttpResponse<String> response, Tracked command) {
                return marc.errorOf(response, "renameOrgUnit", command.version);
            }

            @Override
            public void acknowledged(int k, Tracked command) {
                units.get(k).version = command.version;
            }
        };
    }

    /**
     * correctApprovedItem of client k's own activity each time, giving it a new name (or, --edit
     * description, a new description) and expecting the version its last acknowledged command produced
     * (as {@link #renames}). Activity names are unique among all activities: the text carries the run,
     * the client and the version it produces, so it always changes.
     */
    private CommandSource activities(List<OwnUnit> activities, String namePrefix) {
        return new CommandSource() {
            @Override
            public Command next(int k, int i) {
                OwnUnit activity = activities.get(k);
                long expected = activity.version;
                Tracked command = new Tracked(activity.id, expected + 1);
                return new Command(command, nodeOf(k).correctRequest(activity.id, options.edit(),
                        namePrefix + "activity " + (k + 1) + " v" + command.version, expected));
            }

            @Override
            public String errorOf(HttpResponse<String> response, Tracked command) {
                return marc.errorOf(response, "correctApprovedItem", command.version);
            }

            @Override
            public void acknowledged(int k, Tracked command) {
                activities.get(k).version = command.version;
            }
        };
    }

    private CommandSource commands(List<UUID> parents, List<OwnUnit> owned, String namePrefix) {
        return switch (options.workload()) {
            case CREATE -> creates(parents, namePrefix);
            case RENAME -> renames(owned, namePrefix);
            case ACTIVITY -> activities(owned, namePrefix);
        };
    }

    private int run() throws Exception {
        String run = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))
                + "-" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0x10000));
        Map<String, String> database = databaseFacts();
        String loadAtStart = loadAverage();
        BenchOptions.Workload workload = options.workload();
        boolean perEntity = workload.perEntity();
        progress("run %s: workload %s, %d commands, %d clients, %d warm-up, app %s, db %s, index %s", run,
                workload.label, options.commands(), options.clients(), options.warmup(), options.urls(),
                options.jdbcUrl(), options.elasticsearchIndex());

        List<HttpClient> clients = new ArrayList<>();
        // The baseline's connections first: on a shared server out of connections the run fails before the work.
        try (HttpClient control = MarcClient.newHttpClient();
             InsertBaseline insertBaseline = new InsertBaseline(options.jdbcUrl(), options.dbUser(), options.dbPassword())
                     .connect(options.clients())) {
            for (int i = 0; i < options.clients(); i++) {
                clients.add(MarcClient.newHttpClient());
            }
            for (MarcClient node : nodes) {
                node.login(control, "admin");
            }
            UUID root = marc.rootId(control);
            UUID runUnit = marc.createOrgUnit(control, UUID.randomUUID(), root, "Bench " + run);
            progress("parent org unit 'Bench %s' = %s (under root %s)", run, runUnit, root);
            // --parents P > 1: the commands go round-robin to P sub-units of the run's unit instead of to it.
            List<UUID> parents = new ArrayList<>();
            if (options.parents() == 1) {
                parents.add(runUnit);
            } else {
                for (int p = 1; p <= options.parents(); p++) {
                    parents.add(marc.createOrgUnit(control, UUID.randomUUID(), runUnit, "Bench " + run + " parent " + p));
                }
                progress("created %d parents under it", options.parents());
            }
            // Per-entity workloads: one org unit or activity per client, created here, outside the measurements.
            List<OwnUnit> units = new ArrayList<>();
            if (workload == BenchOptions.Workload.RENAME) {
                for (int k = 1; k <= options.clients(); k++) {
                    UUID id = UUID.randomUUID();
                    units.add(new OwnUnit(id, marc.createOrgUnitVersion(control, id, runUnit, "Bench " + run + " unit " + k)));
                }
                progress("created %d org units to rename (one per client) under it", units.size());
            } else if (workload == BenchOptions.Workload.ACTIVITY) {
                UUID domain = marc.defineDomain(control, UUID.randomUUID(), "Bench " + run);
                UUID workUnit = marc.someWorkUnit(control);
                for (int k = 1; k <= options.clients(); k++) {
                    UUID id = UUID.randomUUID();
                    units.add(new OwnUnit(id, marc.proposeActivityVersion(control, id, domain, workUnit,
                            "Bench " + run + " activity " + k)));
                }
                progress("created domain 'Bench %s' = %s and %d activities (one per client, work unit %s) in it",
                        run, domain, units.size(), workUnit);
            }

            if (options.warmup() > 0) {
                progress("warm-up: %d commands", options.warmup());
                String prefix = "Bench " + run + " warm-up ";
                Phase warmup = runPhase("warm-up", options.warmup(), clients, commands(parents, units, prefix));
                progress("warm-up done: %.1f commands/s, ack p50 %s ms", warmup.commandsPerSecond(), Latency.fmt(Latency.ms(warmup.ack(), 50)));
                if (warmup.errors() > 0) {
                    throw new IllegalStateException("warm-up commands failed (" + warmup.errors() + "): " + warmup.errorSamples());
                }
                for (StoreLag lag : warmup.lags()) {
                    if (lag.missing() > 0) {
                        throw new IllegalStateException(lag.store() + " never showed " + lag.missing()
                                + (perEntity ? " warm-up edits at their version" : " warm-up org units")
                                + " (wrong --jdbc/--es-index, or the projection is stuck?); last poll error: "
                                + lag.lastPollError());
                    }
                }
            }

            long eventsBefore = eventCount();
            progress("measured: %d commands from %d clients", options.commands(), options.clients());
            String prefix = "Bench " + run + " ";
            long windowStart = System.currentTimeMillis();
            Phase measured = runPhase("measured", options.commands(), clients, commands(parents, units, prefix));
            // The clients' part only: runPhase returns after the read models have drained too.
            writeWindow(windowStart, windowStart + measured.wallNanos() / 1_000_000 + 1);
            long eventsAfter = eventCount();
            long childrenInPostgres = perEntity
                    ? count("SELECT count(*) FROM " + workload.table + " WHERE id = ANY(?)", units.stream().map(u -> u.id).toList())
                    : childCount(parents);
            progress("measured done: %.1f commands/s; INSERT baseline next", measured.commandsPerSecond());

            InsertBaseline.Result baseline = insertBaseline.run(options.commands(), options.warmup());

            report(run, database, measured, baseline, eventsBefore, eventsAfter, childrenInPostgres,
                    loadAtStart, loadAverage());
            return verdict(measured, baseline, perEntity);
        } finally {
            clients.forEach(HttpClient::close);
        }
    }

    private Phase runPhase(String name, int count, List<HttpClient> clients, CommandSource commands) throws Exception {
        Tracked[] tracked = new Tracked[count];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        Map<String, Integer> errorKinds = new ConcurrentHashMap<>();
        List<String> errorSamples = new ArrayList<>();
        CountDownLatch start = new CountDownLatch(1);

        try (ProjectionWatcher postgres = new ProjectionWatcher.Postgres(options.jdbcUrl(), options.dbUser(), options.dbPassword(), options.workload().table,
                     Duration.ofMillis(options.pgPollMillis()));
             ProjectionWatcher elasticsearch = new ProjectionWatcher.Elasticsearch(options.elasticsearchUrl(),
                     options.elasticsearchIndex(), json, Duration.ofMillis(options.esPollMillis()))) {
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
                        for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                            Command sending = commands.next(k, i);
                            Tracked command = sending.tracked();
                            tracked[i] = command;
                            HttpRequest request = sending.request();
                            watchers.forEach(w -> w.expect(command));
                            String error;
                            long t0 = System.nanoTime();
                            command.sentNanos = t0;
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

                Duration timeout = Duration.ofSeconds(options.projectionTimeoutSeconds());
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
    private static String errorKind(String error) {
        int colon = error.indexOf(':');
        String kind = colon > 0 ? error.substring(0, colon) : error;
        return kind.length() > 80 ? kind.substring(0, 80) : kind;
    }

    private static int verdict(Phase measured, InsertBaseline.Result baseline, boolean perEntity) {
        List<String> problems = new ArrayList<>();
        if (measured.errors() > 0) {
            problems.add(measured.errors() + " of " + measured.commands() + " commands failed: " + measured.errorKinds());
        }
        for (StoreLag lag : measured.lags()) {
            if (lag.missing() > 0) {
                problems.add(lag.missing() + (perEntity ? " acknowledged edits never reached their version in "
                        : " acknowledged org units never appeared in ") + lag.store());
            }
        }
        if (baseline.errors() > 0) {
            problems.add(baseline.errors() + " baseline inserts failed: " + baseline.firstError());
        }
        if (problems.isEmpty()) {
            return 0;
        }
        problems.forEach(p -> System.err.println("BENCHMARK FAILED: " + p));
        return 1;
    }

    // ---------------------------------------------------------------- database facts

    private Connection connect() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", options.dbUser());
        properties.setProperty("password", options.dbPassword());
        properties.setProperty("connectTimeout", "5");
        properties.setProperty("ApplicationName", "marc-org-command-benchmark");
        return DriverManager.getConnection(options.jdbcUrl(), properties);
    }

    /** The settings that decide what a commit costs. */
    private Map<String, String> databaseFacts() throws SQLException {
        Map<String, String> facts = new LinkedHashMap<>();
        try (Connection connection = connect()) {
            for (String setting : List.of("server_version", "synchronous_commit", "fsync", "wal_sync_method", "commit_delay")) {
                try (PreparedStatement show = connection.prepareStatement("SELECT current_setting(?)")) {
                    show.setString(1, setting);
                    try (ResultSet rows = show.executeQuery()) {
                        rows.next();
                        facts.put(setting, rows.getString(1));
                    }
                }
            }
        }
        return facts;
    }

    /** Events in the event store (all aggregates); -1 when it cannot be read. */
    private long eventCount() {
        return count("SELECT count(*) FROM domain_event_entry", null);
    }

    private long childCount(List<UUID> parents) {
        return count("SELECT count(*) FROM org_unit WHERE parent_id = ANY(?)", parents);
    }

    private long count(String sql, List<UUID> parameter) {
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            if (parameter != null) {
                statement.setArray(1, connection.createArrayOf("uuid", parameter.toArray()));
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            progress("could not run %s: %s", sql, e.getMessage());
            return -1;
        }
    }

    /** The measured phase's start and end (epoch ms), for the profile of that phase (--window-file). */
    private void writeWindow(long startMillis, long endMillis) {
        if (options.windowFile() != null) {
            try {
                Files.writeString(Path.of(options.windowFile()), startMillis + " " + endMillis + "\n");
            } catch (IOException e) {
                progress("could not write %s: %s", options.windowFile(), e.getMessage());
            }
        }
    }

    /** The 1, 5 and 15 minute load averages (Linux), or "n/a". */
    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException e) {
            return "n/a";
        }
    }

    // ---------------------------------------------------------------- report

    private void report(String run, Map<String, String> database, Phase measured, InsertBaseline.Result baseline,
                        long eventsBefore, long eventsAfter, long childrenInPostgres,
                        String loadAtStart, String loadAtEnd) {
        double marcRate = measured.commandsPerSecond();
        double insertRate = baseline.rowsPerSecond();
        double ratio = marcRate / insertRate;
        Histogram ack = measured.ack();
        Histogram ins = baseline.latency();
        BenchOptions.Workload workload = options.workload();
        boolean perEntity = workload.perEntity();
        String entity = workload == BenchOptions.Workload.ACTIVITY ? "activity" : "org unit";

        out.println();
        out.println("=".repeat(78));
        out.printf(Locale.ROOT, "MARC command benchmark — run %s%n", run);
        out.println("=".repeat(78));
        out.printf(Locale.ROOT, "  workload            %s%n", switch (workload) {
            case CREATE -> "create (each command creates a new org unit)";
            case RENAME -> "rename (per-entity edits: each client renames only its own org unit, expectedVersion +1 per ack)";
            case ACTIVITY -> "activity (per-entity edits: each client changes the " + options.edit()
                    + " of its own approved activity only, correctApprovedItem, expectedVersion +1 per ack)";
        });
        out.printf(Locale.ROOT, "  app                 %d node%s: %s  (GraphQL %s, user admin; client k -> node k mod %d)%n",
                options.urls().size(), options.urls().size() == 1 ? "" : "s", options.urls(), workload.mutation,
                options.urls().size());
        out.printf(Locale.ROOT, "  read models         PostgreSQL %s table %s; Elasticsearch %s/%s%n",
                options.jdbcUrl(), workload.table, options.elasticsearchUrl(), options.elasticsearchIndex());
        out.printf(Locale.ROOT, "  load                %d commands (+%d warm-up), %d concurrent clients, closed loop, %s%n",
                options.commands(), options.warmup(), options.clients(), switch (workload) {
                    case RENAME -> options.clients() + " org units under one parent, one per client";
                    case ACTIVITY -> options.clients() + " activities in one domain, one per client";
                    case CREATE -> options.parents() == 1 ? "all under one parent" : "round-robin over " + options.parents() + " parents";
                });
        out.printf(Locale.ROOT, "  machine             %d CPUs seen by the JVM (app, PostgreSQL, Elasticsearch and this client share them), Java %s%n",
                Runtime.getRuntime().availableProcessors(), Runtime.version());
        out.printf(Locale.ROOT, "  load average        %s at start, %s at end (1/5/15 min; other work on the machine skews results)%n",
                loadAtStart, loadAtEnd);
        out.printf(Locale.ROOT, "  PostgreSQL          %s, synchronous_commit=%s, fsync=%s, wal_sync_method=%s, commit_delay=%s%n",
                database.get("server_version"), database.get("synchronous_commit"), database.get("fsync"),
                database.get("wal_sync_method"), database.get("commit_delay"));
        out.println();
        out.println("Commands (ack = request sent -> HTTP 200 without GraphQL errors)");
        out.printf(Locale.ROOT, "  acknowledged        %d / %d   errors %d%s%n", measured.acknowledged(), measured.commands(),
                measured.errors(), measured.errors() == 0 ? "" : "   " + measured.errorKinds());
        measured.errorSamples().forEach(sample -> out.println("    e.g. " + sample));
        out.printf(Locale.ROOT, "  wall time           %.3f s%n", measured.wallNanos() / 1e9);
        out.printf(Locale.ROOT, "  throughput          %.1f commands/s%n", marcRate);
        out.printf(Locale.ROOT, "  events appended     %s%n", eventsBefore < 0 || eventsAfter < 0 ? "n/a"
                : String.format(Locale.ROOT, "%d (%.2f per command)", eventsAfter - eventsBefore,
                (eventsAfter - eventsBefore) / (double) Math.max(1, measured.acknowledged())));
        if (perEntity) {
            out.printf(Locale.ROOT, "  %-19s %d of the clients' %d %s rows present%n", workload.table, childrenInPostgres,
                    options.clients(), entity);
        } else {
            out.printf(Locale.ROOT, "  org_unit children   %d under the run's %s (%d warm-up + %d measured expected)%n",
                    childrenInPostgres, options.parents() == 1 ? "parent" : options.parents() + " parents",
                    options.warmup(), measured.acknowledged());
        }
        out.println();
        out.printf(Locale.ROOT, "  %-18s %9s %9s %9s %9s %9s %9s%n", "latency (ms)", "p50", "p90", "p99", "p99.9", "max", "mean");
        latencyRow("MARC ack", ack);
        latencyRow("INSERT+COMMIT", ins);
        if (workload == BenchOptions.Workload.ACTIVITY) {
            // NomenclatureMutations answer once the PostgreSQL read model shows the version (ReadYourWrites).
            out.println("  (a nomenclature mutation answers once the PostgreSQL read model shows its version: the ack");
            out.println("   includes that projection, so its lag below is ~0 and seen before the HTTP answer)");
        }
        out.println();
        out.println(perEntity
                ? "Projection lag (first seen in the read model at the edit's version or later - ack; resolution = poll interval)"
                : "Projection lag (first seen in the read model - ack; resolution = poll interval)");
        out.printf(Locale.ROOT, "  %-14s %6s %6s %8s %9s %9s %9s %9s %10s %7s%n",
                "store", "poll", "seen", "missing", "p50 ms", "p90 ms", "p99 ms", "max ms", "drain ms", "<ack");
        for (StoreLag lag : measured.lags()) {
            out.printf(Locale.ROOT, "  %-14s %6s %6d %8d %9s %9s %9s %9s %10s %7d%n",
                    lag.store(), lag.pollInterval().toMillis() + "ms", lag.seen(), lag.missing(),
                    Latency.fmt(Latency.ms(lag.lag(), 50)), Latency.fmt(Latency.ms(lag.lag(), 90)),
                    Latency.fmt(Latency.ms(lag.lag(), 99)), Latency.fmt(Latency.maxMs(lag.lag())),
                    Latency.fmt(lag.catchUpMsAfterLastAck()), lag.seenBeforeAck());
            if (lag.pollErrors() > 0) {
                out.printf(Locale.ROOT, "    %d of %d polls failed, last: %s%n", lag.pollErrors(), lag.polls(), lag.lastPollError());
            }
        }
        out.printf(Locale.ROOT, "  (drain = last %s seen, after the last ack; <ack = seen before the HTTP answer, counted as 0;%n",
                perEntity ? "edit" : "org unit");
        out.println("   Elasticsearch via realtime _mget, i.e. indexed - search additionally waits for the 1 s refresh)");
        out.println();
        out.printf(Locale.ROOT, "Baseline: single-row INSERT + COMMIT, %d JDBC connections, autocommit off, table %s%n",
                options.clients(), InsertBaseline.TABLE);
        out.printf(Locale.ROOT, "  rows                %d (errors %d), wall %.3f s%n", baseline.rows(), baseline.errors(),
                baseline.wallNanos() / 1e9);
        out.printf(Locale.ROOT, "  throughput          %.1f rows/s%n", insertRate);
        out.println();
        out.printf(Locale.ROOT, "MARC commands/s / raw INSERT+COMMIT/s = %.1f / %.1f = %.4f  (%.1f%% of the raw rate, 1 : %.1f)%n",
                marcRate, insertRate, ratio, ratio * 100, 1 / ratio);
        // Issue 10's targets for the per-entity workload at C = 16 on one node of a 2-core machine.
        double ackP99 = Latency.ms(ack, 99);
        StoreLag esLag = measured.lags().stream().filter(l -> l.store().equals("Elasticsearch")).findFirst().orElseThrow();
        StoreLag pgLag = measured.lags().stream().filter(l -> l.store().equals("PostgreSQL")).findFirst().orElseThrow();
        double esP99 = Latency.ms(esLag.lag(), 99);
        out.println();
        out.printf(Locale.ROOT, "Summary  %d node(s), C=%d, %s: %.1f commands/s, ack p50 %s / p99 %s ms, lag p99 PostgreSQL %s ms / Elasticsearch %s ms,%n",
                options.urls().size(), options.clients(), workload.label, marcRate, Latency.fmt(Latency.ms(ack, 50)),
                Latency.fmt(ackP99), Latency.fmt(Latency.ms(pgLag.lag(), 99)), Latency.fmt(esP99));
        out.printf(Locale.ROOT, "         raw INSERT+COMMIT %.1f rows/s, ratio %.3f; load %s -> %s%n", insertRate, ratio, loadAtStart, loadAtEnd);
        out.printf(Locale.ROOT, "Targets  ratio >= 0.3: %s   ack p99 < 100 ms: %s   Elasticsearch lag p99 < 1500 ms: %s%n",
                verdictWord(ratio >= 0.3), verdictWord(ackP99 < 100), verdictWord(esP99 < 1500));
        out.println("=".repeat(78));

        Map<String, Object> result = new LinkedHashMap<>();
        result.put("run", run);
        result.put("workload", workload.label);
        result.put("nodes", options.urls().size());
        if (workload == BenchOptions.Workload.ACTIVITY) {
            result.put("edit", options.edit());
        }
        result.put("commands", options.commands());
        result.put("clients", options.clients());
        result.put("warmup", options.warmup());
        result.put("parents", options.parents());
        result.put("acknowledged", measured.acknowledged());
        result.put("errors", measured.errors());
        result.put("wall_s", Latency.round(measured.wallNanos() / 1e9));
        result.put("commands_per_s", Latency.round(marcRate));
        result.put("ack", Latency.summary(ack));
        for (StoreLag lag : measured.lags()) {
            Map<String, Object> lagJson = new LinkedHashMap<>(Latency.summary(lag.lag()));
            lagJson.put("missing", lag.missing());
            lagJson.put("seen_before_ack", lag.seenBeforeAck());
            lagJson.put("drain_ms", Latency.round(lag.catchUpMsAfterLastAck()));
            lagJson.put("poll_ms", lag.pollInterval().toMillis());
            result.put("lag_" + (lag.store().equals("PostgreSQL") ? "pg" : "es"), lagJson);
        }
        Map<String, Object> insert = new LinkedHashMap<>(Latency.summary(ins));
        insert.put("rows_per_s", Latency.round(insertRate));
        insert.put("errors", baseline.errors());
        result.put("insert", insert);
        result.put("ratio", Double.isFinite(ratio) ? Math.round(ratio * 1e6) / 1e6 : null);
        result.put("events_appended", eventsBefore < 0 || eventsAfter < 0 ? null : eventsAfter - eventsBefore);
        result.put("postgres", database);
        result.put("cpus", Runtime.getRuntime().availableProcessors());
        result.put("load_start", loadAtStart);
        result.put("load_end", loadAtEnd);
        result.put("targets", Map.of("ratio_ge_0_3", ratio >= 0.3, "ack_p99_lt_100ms", ackP99 < 100,
                "es_lag_p99_lt_1500ms", esP99 < 1500));
        out.println("RESULT " + json.writeValueAsString(result));
        out.flush();
    }

    private static String verdictWord(boolean met) {
        return met ? "met" : "NOT met";
    }

    private void latencyRow(String label, Histogram histogram) {
        out.printf(Locale.ROOT, "  %-18s %9s %9s %9s %9s %9s %9s%n", label,
                Latency.fmt(Latency.ms(histogram, 50)), Latency.fmt(Latency.ms(histogram, 90)),
                Latency.fmt(Latency.ms(histogram, 99)), Latency.fmt(Latency.ms(histogram, 99.9)),
                Latency.fmt(Latency.maxMs(histogram)), Latency.fmt(Latency.meanMs(histogram)));
    }

    private static void progress(String format, Object... args) {
        System.err.printf(Locale.ROOT, "[bench %tT] %s%n", System.currentTimeMillis(), String.format(Locale.ROOT, format, args));
    }
}
