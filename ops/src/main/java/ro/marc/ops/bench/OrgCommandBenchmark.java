package ro.marc.ops.bench;

import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.HdrHistogram.Histogram;
import ro.marc.ops.bench.PhaseRunner.Command;
import ro.marc.ops.bench.PhaseRunner.CommandSource;
import ro.marc.ops.bench.PhaseRunner.Phase;
import ro.marc.ops.bench.PhaseRunner.StoreLag;
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


    private final BenchOptions options;
    private final JsonMapper json = JsonMapper.builder().build();
    /** The first node: setup and control requests. */
    private final MarcClient marc;
    /** One per node (each node signs its own dev tokens); client k sends to {@code nodes[k mod n]}. */
    private final List<MarcClient> nodes;
    private final PrintStream out = System.out;
    private final BenchDatabase database;

    private OrgCommandBenchmark(BenchOptions options) {
        this.options = options;
        this.nodes = options.urls().stream().map(url -> new MarcClient(url, json)).toList();
        this.marc = nodes.getFirst();
        this.database = new BenchDatabase(options.jdbcUrl(), options.dbUser(), options.dbPassword(), "marc-org-command-benchmark");
    }

    private MarcClient nodeOf(int client) {
        return nodes.get(client % nodes.size());
    }

    public static void main(String[] args) {
        BenchSupport.main(args, BenchOptions::parse, BenchOptions.USAGE, o -> o.urls() + " or " + o.elasticsearchUrl(),
                o -> new OrgCommandBenchmark(o).run());
    }

    // ---------------------------------------------------------------- the run


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
        Map<String, String> databaseFacts = database.facts();
        String loadAtStart = BenchSupport.loadAverage();
        BenchOptions.Workload workload = options.workload();
        boolean perEntity = workload.perEntity();
        BenchSupport.progress("run %s: workload %s, %d commands, %d clients, %d warm-up, app %s, db %s, index %s", run,
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
            BenchSupport.progress("parent org unit 'Bench %s' = %s (under root %s)", run, runUnit, root);
            // --parents P > 1: the commands go round-robin to P sub-units of the run's unit instead of to it.
            List<UUID> parents = new ArrayList<>();
            if (options.parents() == 1) {
                parents.add(runUnit);
            } else {
                for (int p = 1; p <= options.parents(); p++) {
                    parents.add(marc.createOrgUnit(control, UUID.randomUUID(), runUnit, "Bench " + run + " parent " + p));
                }
                BenchSupport.progress("created %d parents under it", options.parents());
            }
            // Per-entity workloads: one org unit or activity per client, created here, outside the measurements.
            List<OwnUnit> units = new ArrayList<>();
            if (workload == BenchOptions.Workload.RENAME) {
                for (int k = 1; k <= options.clients(); k++) {
                    UUID id = UUID.randomUUID();
                    units.add(new OwnUnit(id, marc.createOrgUnitVersion(control, id, runUnit, "Bench " + run + " unit " + k)));
                }
                BenchSupport.progress("created %d org units to rename (one per client) under it", units.size());
            } else if (workload == BenchOptions.Workload.ACTIVITY) {
                UUID domain = marc.defineDomain(control, UUID.randomUUID(), "Bench " + run);
                UUID workUnit = marc.someWorkUnit(control);
                for (int k = 1; k <= options.clients(); k++) {
                    UUID id = UUID.randomUUID();
                    units.add(new OwnUnit(id, marc.proposeActivityVersion(control, id, domain, workUnit,
                            "Bench " + run + " activity " + k)));
                }
                BenchSupport.progress("created domain 'Bench %s' = %s and %d activities (one per client, work unit %s) in it",
                        run, domain, units.size(), workUnit);
            }

            if (options.warmup() > 0) {
                BenchSupport.progress("warm-up: %d commands", options.warmup());
                String prefix = "Bench " + run + " warm-up ";
                Phase warmup = runPhase("warm-up", options.warmup(), clients, commands(parents, units, prefix));
                BenchSupport.progress("warm-up done: %.1f commands/s, ack p50 %s ms", warmup.commandsPerSecond(), Latency.fmt(Latency.ms(warmup.ack(), 50)));
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

            long eventsBefore = database.eventCount();
            BenchSupport.progress("measured: %d commands from %d clients", options.commands(), options.clients());
            String prefix = "Bench " + run + " ";
            long windowStart = System.currentTimeMillis();
            Phase measured = runPhase("measured", options.commands(), clients, commands(parents, units, prefix));
            // The clients' part only: runPhase returns after the read models have drained too.
            BenchSupport.writeWindow(options.windowFile(), windowStart, windowStart + measured.wallNanos() / 1_000_000 + 1);
            long eventsAfter = database.eventCount();
            long childrenInPostgres = perEntity
                    ? database.count("SELECT count(*) FROM " + workload.table + " WHERE id = ANY(?)", units.stream().map(u -> u.id).toList())
                    : childCount(parents);
            BenchSupport.progress("measured done: %.1f commands/s; INSERT baseline next", measured.commandsPerSecond());

            InsertBaseline.Result baseline = insertBaseline.run(options.commands(), options.warmup());

            report(run, databaseFacts, measured, baseline, eventsBefore, eventsAfter, childrenInPostgres,
                    loadAtStart, BenchSupport.loadAverage());
            return verdict(measured, baseline, perEntity);
        } finally {
            clients.forEach(HttpClient::close);
        }
    }

    private Phase runPhase(String name, int count, List<HttpClient> clients, CommandSource commands) throws Exception {
        return PhaseRunner.run(name, count, clients, commands, Pace.CLOSED_LOOP, new PhaseRunner.ReadModels(options.jdbcUrl(),
                options.dbUser(), options.dbPassword(), options.workload().table, options.elasticsearchUrl(),
                options.elasticsearchIndex(), false, Duration.ofMillis(options.pgPollMillis()), Duration.ofMillis(options.esPollMillis()),
                Duration.ofSeconds(options.projectionTimeoutSeconds())), json);
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

    private long childCount(List<UUID> parents) {
        return database.count("SELECT count(*) FROM org_unit WHERE parent_id = ANY(?)", parents);
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
        BenchSupport.latencyHeader(out);
        BenchSupport.latencyRow(out, "MARC ack", ack);
        BenchSupport.latencyRow(out, "INSERT+COMMIT", ins);
        if (workload == BenchOptions.Workload.ACTIVITY) {
            // NomenclatureMutations answer once the PostgreSQL read model shows the version (ReadYourWrites).
            out.println("  (a nomenclature mutation answers once the PostgreSQL read model shows its version: the ack");
            out.println("   includes that projection, so its lag below is ~0 and seen before the HTTP answer)");
        }
        out.println();
        PhaseRunner.printLags(out, measured, perEntity ? "edit" : "org unit", perEntity);
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
        StoreLag esLag = PhaseRunner.lag(measured, "Elasticsearch");
        StoreLag pgLag = PhaseRunner.lag(measured, "PostgreSQL");
        double esP99 = Latency.ms(esLag.lag(), 99);
        out.println();
        out.printf(Locale.ROOT, "Summary  %d node(s), C=%d, %s: %.1f commands/s, ack p50 %s / p99 %s ms, lag p99 PostgreSQL %s ms / Elasticsearch %s ms,%n",
                options.urls().size(), options.clients(), workload.label, marcRate, Latency.fmt(Latency.ms(ack, 50)),
                Latency.fmt(ackP99), Latency.fmt(Latency.ms(pgLag.lag(), 99)), Latency.fmt(esP99));
        out.printf(Locale.ROOT, "         raw INSERT+COMMIT %.1f rows/s, ratio %.3f; load %s -> %s%n", insertRate, ratio, loadAtStart, loadAtEnd);
        out.printf(Locale.ROOT, "Targets  ratio >= 0.3: %s   ack p99 < 100 ms: %s   Elasticsearch lag p99 < 1500 ms: %s%n",
                BenchSupport.verdictWord(ratio >= 0.3), BenchSupport.verdictWord(ackP99 < 100), BenchSupport.verdictWord(esP99 < 1500));
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



}
