package ro.marc.ops.bench;

import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;
import ro.marc.ops.bench.MarcClient.Assessable;
import ro.marc.ops.bench.PhaseRunner.Command;
import ro.marc.ops.bench.PhaseRunner.CommandSource;
import ro.marc.ops.bench.PhaseRunner.Phase;
import ro.marc.ops.bench.PhaseRunner.StoreLag;
import tools.jackson.databind.json.JsonMapper;

/**
 * The yearly campaign's hot path (issue 13, item 8): C working-group members, each with their own draft risk
 * assessment (Anexa 4), whose forms autosave every few seconds (A401), some finalising. Run against live app nodes
 * with their demo data (see {@code ops/bench/run-benchmark.sh}, {@code BENCH_WORKLOAD=assessment}).
 *
 * <p>For each C of {@code --members} (50, 100, 200), one after the other:
 * <ol>
 *   <li>Setup, unmeasured: C assessments, each started by one of the demo members ({@code --users}; the dev signer
 *       signs tokens for demo users only, so the C "members" are C forms shared out over those accounts) on a risk
 *       of an activity of their Anexa 3 ({@code assessableRisks}), scored once (P 5, every impact dimension, high:
 *       priority 1) and saved once with complete content — so each may be finalised.</li>
 *   <li>Warm-up ({@code --warmup} operations, unpaced), then {@code --operations} measured operations, each member
 *       at its own pace ({@code --autosave-ms} ± 20%, starting at a random point of the first interval): a draft
 *       save with changed content (a typed word more: each save appends an event); every {@code --finalise-every}-th
 *       operation of a member finalises its assessment (the Anexa 4 PDF, the head's notification) and the next one
 *       opens a new edition. Each ack is request sent → HTTP 200 acknowledging the command at the version it must
 *       produce (the mutation answers once the PostgreSQL read model shows that version: read-your-writes).</li>
 *   <li>Meanwhile two watchers poll {@code risk_assessment} (PostgreSQL) and the {@code <prefix>-assessments} index
 *       (Elasticsearch, realtime {@code _mget}: the documents' {@code _version} is the assessment's version) for the
 *       version each operation produces: projection lag = first seen − ack.</li>
 *   <li>Baseline in the same run: single-row INSERT + COMMIT into a scratch table of the same database from
 *       min(C, {@code --baseline-connections}) connections, once closed loop (the database's raw rate) and once at
 *       the members' offered rate (the same schedule: C / T rows per second).</li>
 * </ol>
 * The report gives, per C: operations/s and saves/s against the rate the members offer, ack p50/p99 (all operations
 * and by kind), lag p99 in both read models, the INSERT rates and two ratios: MARC ÷ INSERT at the same schedule
 * (does MARC keep up with what the database alone keeps up with) and MARC ÷ raw INSERT capacity. Targets (C = 100):
 * ack p99 &lt; 150 ms, ratio ≥ 0.3, no errors. Exit code 0 when every operation was acknowledged and seen in both read
 * models, 1 otherwise, 2 for a bad command line, 3 when the run could not be carried out.
 */
public final class AssessmentBenchmark {

    private static final double JITTER = 0.2;
    private static final int SETUP_THREADS = 16;
    private static final List<String> QUALITATIVE = List.of("Slab", "Satisfăcător", "Bine", "Foarte bine");

    /** What an operation does, and the mutation that does it. */
    enum Op {
        SAVE(MarcClient.SAVE_ASSESSMENT_DRAFT, "saveRiskAssessmentDraft"),
        FINALISE(MarcClient.FINALISE_ASSESSMENT, "finaliseRiskAssessment"),
        EDITION(MarcClient.START_ASSESSMENT_EDITION, "startAssessmentEdition");

        final String document;
        final String mutation;

        Op(String document, String mutation) {
            this.document = document;
            this.mutation = mutation;
        }
    }

    private final AssessmentBenchOptions options;
    private final JsonMapper json = JsonMapper.builder().build();
    private final BenchDatabase database;
    private final PrintStream out = System.out;
    /** For each node, a client per demo user (each node signs its own tokens). */
    private final List<Map<String, MarcClient>> nodes = new ArrayList<>();

    private AssessmentBenchmark(AssessmentBenchOptions options) {
        this.options = options;
        this.database = new BenchDatabase(options.jdbcUrl(), options.dbUser(), options.dbPassword(), "marc-assessment-benchmark");
        for (var url : options.urls()) {
            Map<String, MarcClient> users = new LinkedHashMap<>();
            options.users().forEach(user -> users.put(user, new MarcClient(url, json)));
            nodes.add(users);
        }
    }

    public static void main(String[] args) {
        BenchSupport.main(args, AssessmentBenchOptions::parse, AssessmentBenchOptions.USAGE, o -> o.urls() + " or " + o.elasticsearchUrl(),
                o -> new AssessmentBenchmark(o).run());
    }

    // ---------------------------------------------------------------- the scene

    /** What the demo data offers: each user's plan and assessable risks, the impact dimensions, an effect. */
    private record Scene(Map<String, UUID> plans, Map<String, List<Assessable>> risks, List<UUID> dimensions, UUID effect) {
    }

    private Scene scene(HttpClient http) throws Exception {
        Map<String, UUID> plans = new LinkedHashMap<>();
        Map<String, List<Assessable>> risks = new LinkedHashMap<>();
        for (Map<String, MarcClient> node : nodes) {
            for (Map.Entry<String, MarcClient> user : node.entrySet()) {
                user.getValue().login(http, user.getKey());
            }
        }
        for (String user : options.users()) {
            MarcClient marc = nodes.getFirst().get(user);
            UUID plan = marc.myPlanId(http);
            List<Assessable> assessable = marc.assessableRisks(http, plan);
            if (assessable.isEmpty()) {
                throw new IllegalStateException(user + " may assess no risk under plan " + plan
                        + ": no finalised Anexa 3 with an activity that has approved risks (is the demo data seeded?)");
            }
            plans.put(user, plan);
            risks.put(user, assessable);
        }
        MarcClient any = nodes.getFirst().get(options.users().getFirst());
        List<UUID> dimensions = any.referenceEntryIds(http, "IMPACT_DIMENSION");
        List<UUID> effects = any.referenceEntryIds(http, "EFFECT");
        if (dimensions.isEmpty() || effects.isEmpty()) {
            throw new IllegalStateException("no impact dimension or no effect in the reference lists");
        }
        return new Scene(plans, risks, dimensions, effects.getFirst());
    }

    // ---------------------------------------------------------------- one member's assessment

    /**
     * A member's assessment and where its form is. Changed by the setup, then only by that member's client
     * thread (warm-up and measured phases run one after the other; volatile for the hand-over between threads).
     */
    private static final class OwnAssessment {
        final int member;
        final UUID id = UUID.randomUUID();
        final MarcClient marc;
        final UUID existingMeasure = UUID.randomUUID();
        final UUID additionalMeasure = UUID.randomUUID();
        final UUID numericIndicator = UUID.randomUUID();
        final UUID doneIndicator = UUID.randomUUID();
        final UUID qualitativeIndicator = UUID.randomUUID();
        volatile long version;
        /** Saves since the last new edition (or the setup): at {@code --finalise-every} − 1 the next operation finalises. */
        volatile int savesSinceEdition;
        volatile int typed;
        volatile boolean finalised;
        /** An operation failed: it may still have taken effect, so the next one first reads where the form is. */
        volatile boolean resync;

        OwnAssessment(int member, MarcClient marc) {
            this.member = member;
            this.marc = marc;
        }
    }

    /** The form's description: complete, with one line that changes with every save (what the member typed). */
    private static Map<String, Object> description(OwnAssessment form, UUID effect) {
        Map<String, Object> description = new LinkedHashMap<>();
        description.put("exposedPersonnel", List.of("Agenții de poliție din echipele de patrulare și de ordine publică"));
        description.put("controlWeaknesses", List.of("Controale ierarhice rare asupra echipajelor din serviciul de noapte",
                "Observația nr. " + form.typed + " a membrului " + (form.member + 1) + " despre verificarea proceselor-verbale"));
        description.put("threatSources", List.of("Contravenienți care oferă sume de bani pentru a evita amenda"));
        description.put("cultureParticularities", List.of("Toleranța colegilor față de „atențiile” mărunte"));
        description.put("effectIds", List.of(effect.toString()));
        description.put("regulatoryCauseIds", List.of());
        return description;
    }

    /** An existing measure scored on Anexa 8 and the additional one priority 1 needs, with indicators of every kind. */
    private static List<Map<String, Object>> measures(OwnAssessment form) {
        Map<String, Object> existing = new LinkedHashMap<>();
        existing.put("measureId", form.existingMeasure.toString());
        existing.put("kind", "EXISTING");
        existing.put("description", "Verificarea lunară, prin sondaj, a înregistrărilor body-cam ale echipajelor");
        existing.put("criteria", Map.of("addressesRisk", true, "documented", true, "communicated", false,
                "appliedConsistently", true));
        existing.put("indicators", List.of(Map.of("indicatorId", form.numericIndicator.toString(),
                "name", "Număr de înregistrări verificate în luna încheiată", "kind", "NUMERIC")));
        Map<String, Object> additional = new LinkedHashMap<>();
        additional.put("measureId", form.additionalMeasure.toString());
        additional.put("kind", "ADDITIONAL");
        additional.put("description", "Rotirea trimestrială a echipajelor între sectoarele de patrulare");
        additional.put("responsible", "Șeful Serviciului Ordine Publică");
        additional.put("indicators", List.of(
                Map.of("indicatorId", form.doneIndicator.toString(), "name", "Graficul de rotire a fost aprobat",
                        "kind", "DONE_NOT_DONE"),
                Map.of("indicatorId", form.qualitativeIndicator.toString(), "name", "Respectarea graficului de rotire",
                        "kind", "QUALITATIVE", "allowedValues", QUALITATIVE)));
        return List.of(existing, additional);
    }

    /** Every impact dimension, importances totalling 100, all scored 4: with P 5 an exposure of 20.00, high. */
    private static List<Map<String, Object>> impacts(List<UUID> dimensions) {
        List<Map<String, Object>> impacts = new ArrayList<>();
        int each = 100 / dimensions.size();
        for (int d = 0; d < dimensions.size(); d++) {
            int importance = d == 0 ? 100 - each * (dimensions.size() - 1) : each;
            impacts.add(Map.of("dimensionId", dimensions.get(d).toString(), "importance", importance, "score", 4));
        }
        return impacts;
    }

    /** C assessments, started, scored and saved once, from {@value #SETUP_THREADS} threads. */
    private List<OwnAssessment> setUp(int members, Scene scene, List<HttpClient> clients) throws Exception {
        List<String> users = options.users();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(members, SETUP_THREADS),
                Thread.ofPlatform().name("bench-setup-", 0).factory());
        try {
            List<Future<OwnAssessment>> started = new ArrayList<>();
            for (int k = 0; k < members; k++) {
                int member = k;
                started.add(pool.submit(() -> {
                    String user = users.get(member % users.size());
                    List<Assessable> risks = scene.risks().get(user);
                    OwnAssessment form = new OwnAssessment(member, nodes.get(member % nodes.size()).get(user));
                    HttpClient http = clients.get(member);
                    long version = form.marc.startAssessment(http, form.id, scene.plans().get(user),
                            risks.get((member / users.size()) % risks.size()));
                    version = form.marc.evaluateRisk(http, form.id, 5, impacts(scene.dimensions()), version);
                    form.version = form.marc.saveAssessmentDraft(http, form.id, description(form, scene.effect()),
                            measures(form), version);
                    // the members' finalisations spread over the phase instead of all at their K-th operation
                    form.savesSinceEdition = options.finaliseEvery() > 1 ? member % (options.finaliseEvery() - 1) : 0;
                    return form;
                }));
            }
            List<OwnAssessment> forms = new ArrayList<>();
            for (Future<OwnAssessment> form : started) {
                forms.add(form.get(10, TimeUnit.MINUTES));
            }
            return forms;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Member k's next operation on its own assessment: a new edition after a finalisation, a finalisation every
     * {@code --finalise-every} operations, else a save with what it typed since. {@code ops} notes each command's kind.
     */
    private CommandSource operations(List<OwnAssessment> forms, Scene scene, Map<Tracked, Op> ops) {
        int finaliseEvery = options.finaliseEvery();
        return new CommandSource() {
            @Override
            public Command next(int k, int i) {
                OwnAssessment form = forms.get(k);
                if (form.resync) {
                    resync(form);
                }
                Op op = form.finalised ? Op.EDITION
                        : finaliseEvery > 1 && form.savesSinceEdition >= finaliseEvery - 1 ? Op.FINALISE : Op.SAVE;
                Tracked command = new Tracked(form.id, form.version + 1);
                HttpRequest request;
                if (op == Op.SAVE) {
                    form.typed++;
                    request = form.marc.saveDraftRequest(form.id, description(form, scene.effect()), measures(form), form.version);
                } else {
                    request = form.marc.assessmentVersionRequest(op.document, form.id, form.version);
                }
                ops.put(command, op);
                return new Command(command, request);
            }

            @Override
            public String errorOf(HttpResponse<String> response, Tracked command) {
                return forms.getFirst().marc.errorOf(response, ops.get(command).mutation, command.version);
            }

            @Override
            public void failed(int k, Tracked command, String error) {
                forms.get(k).resync = true;
            }

            @Override
            public void acknowledged(int k, Tracked command) {
                OwnAssessment form = forms.get(k);
                form.version = command.version;
                switch (ops.get(command)) {
                    case SAVE -> form.savesSinceEdition++;
                    case FINALISE -> form.finalised = true;
                    case EDITION -> {
                        form.finalised = false;
                        form.savesSinceEdition = 0;
                    }
                }
            }
        };
    }

    /**
     * Where the form is after a failed operation, as a front end would read it back: its version and whether its last
     * event finalised it, from the event store (a request stopped by the server's timeout may still have committed).
     * On the member's thread, before its next operation's clock starts.
     */
    private void resync(OwnAssessment form) {
        try (var connection = database.connect(); var statement = connection.prepareStatement(
                "SELECT sequence_number, payload_type FROM domain_event_entry WHERE aggregate_identifier = ? "
                        + "ORDER BY sequence_number DESC LIMIT 1")) {
            statement.setString(1, form.id.toString());
            try (var rows = statement.executeQuery()) {
                if (rows.next()) {
                    form.version = rows.getLong(1) + 1;
                    form.finalised = rows.getString(2).endsWith("RiskAssessmentFinalised");
                }
            }
            form.resync = false;
        } catch (java.sql.SQLException e) {
            BenchSupport.progress("member %d: could not read its assessment back: %s", form.member + 1, e.getMessage());
        }
    }

    // ---------------------------------------------------------------- the run

    /** One C's results. */
    private record MembersResult(int members, Pace pace, Phase measured, Map<Op, Histogram> ackByOp,
                                 InsertBaseline.Result rawInsert, InsertBaseline.Result pacedInsert, int baselineConnections,
                                 long eventsAppended, String loadAtStart, String loadAtEnd) {

        double operationsPerSecond() {
            return measured.commandsPerSecond();
        }

        double savesPerSecond() {
            return ackByOp.get(Op.SAVE).getTotalCount() / (measured.wallNanos() / 1e9);
        }

        /** MARC ÷ INSERT+COMMIT at the members' schedule (the raw rate when the members are not paced). */
        double scheduleRatio() {
            return operationsPerSecond() / (pacedInsert == null ? rawInsert : pacedInsert).rowsPerSecond();
        }

        double capacityRatio() {
            return operationsPerSecond() / rawInsert.rowsPerSecond();
        }

        double ackP99() {
            return Latency.ms(measured.ack(), 99);
        }
    }

    private int run() throws Exception {
        String run = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))
                + "-" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0x10000));
        Map<String, String> databaseFacts = database.facts();
        BenchSupport.progress("run %s: members %s, %d operations (+%d warm-up) each, autosave every %d ms, finalise every %d, "
                        + "users %s, app %s, db %s, index %s", run, options.members(), options.operations(), options.warmup(),
                options.autosaveMillis(), options.finaliseEvery(), options.users(), options.urls(), options.jdbcUrl(),
                options.elasticsearchIndex());
        List<MembersResult> results = new ArrayList<>();
        try (HttpClient control = MarcClient.newHttpClient()) {
            Scene scene = scene(control);
            BenchSupport.progress("scene: plans %s; assessable risks %s; %d impact dimensions", scene.plans(),
                    scene.risks().entrySet().stream().map(e -> e.getKey() + " " + e.getValue().size()).toList(),
                    scene.dimensions().size());
            for (int members : options.members()) {
                results.add(members(members, scene));
            }
        }
        report(run, databaseFacts, results);
        return verdict(results);
    }

    private MembersResult members(int members, Scene scene) throws Exception {
        String loadAtStart = BenchSupport.loadAverage();
        List<HttpClient> clients = new ArrayList<>();
        int connections = Math.min(members, options.baselineConnections());
        try (InsertBaseline baseline = new InsertBaseline(options.jdbcUrl(), options.dbUser(), options.dbPassword())
                .connect(connections)) {
            for (int k = 0; k < members; k++) {
                clients.add(MarcClient.newHttpClient());
            }
            long setupStart = System.nanoTime();
            List<OwnAssessment> forms = setUp(members, scene, clients);
            BenchSupport.progress("C=%d: %d assessments started, scored and saved in %.1f s", members, forms.size(),
                    (System.nanoTime() - setupStart) / 1e9);

            PhaseRunner.ReadModels readModels = new PhaseRunner.ReadModels(options.jdbcUrl(), options.dbUser(),
                    options.dbPassword(), "risk_assessment", options.elasticsearchUrl(), options.elasticsearchIndex(), true,
                    Duration.ofMillis(options.pgPollMillis()), Duration.ofMillis(options.esPollMillis()),
                    Duration.ofSeconds(options.projectionTimeoutSeconds()));
            if (options.warmup() > 0) {
                Phase warmup = PhaseRunner.run("warm-up C=" + members, options.warmup(), clients,
                        operations(forms, scene, new ConcurrentHashMap<>()), Pace.CLOSED_LOOP, readModels, json);
                BenchSupport.progress("C=%d warm-up: %.1f operations/s, ack p50 %s ms, %d errors", members,
                        warmup.commandsPerSecond(), Latency.fmt(Latency.ms(warmup.ack(), 50)), warmup.errors());
                if (warmup.errors() > 0) {
                    throw new IllegalStateException("warm-up operations failed (" + warmup.errors() + "): " + warmup.errorSamples());
                }
            }

            Pace pace = Pace.everyMillis(options.autosaveMillis(), JITTER);
            Map<Tracked, Op> ops = new ConcurrentHashMap<>();
            long eventsBefore = database.eventCount();
            BenchSupport.progress("C=%d measured: %d operations, each member every %d ms ±%.0f%% (offered %.1f/s)", members,
                    options.operations(), options.autosaveMillis(), JITTER * 100, pace.offeredPerSecond(members));
            long windowStart = System.currentTimeMillis();
            Phase measured = PhaseRunner.run("measured C=" + members, options.operations(), clients,
                    operations(forms, scene, ops), pace, readModels, json);
            if (members == options.profiledPhase()) {
                BenchSupport.writeWindow(options.windowFile(), windowStart, windowStart + measured.wallNanos() / 1_000_000 + 1);
            }
            long eventsAfter = database.eventCount();
            Map<Op, Histogram> ackByOp = new EnumMap<>(Op.class);
            for (Op op : Op.values()) {
                ackByOp.put(op, Latency.newHistogram());
            }
            ops.forEach((command, op) -> {
                if (command.ackNanos != 0) {
                    Latency.record(ackByOp.get(op), command.ackNanos - command.sentNanos);
                }
            });
            BenchSupport.progress("C=%d done: %.1f operations/s, ack p99 %s ms; INSERT baseline next", members,
                    measured.commandsPerSecond(), Latency.fmt(Latency.ms(measured.ack(), 99)));

            InsertBaseline.Result raw = baseline.run(options.operations(), options.warmup());
            InsertBaseline.Result paced = pace.closedLoop() ? null : baseline.run(options.operations(), 0,
                    new Pace(pace.intervalNanos() * connections / members, JITTER));
            return new MembersResult(members, pace, measured, ackByOp, raw, paced, connections,
                    eventsBefore < 0 || eventsAfter < 0 ? -1 : eventsAfter - eventsBefore, loadAtStart,
                    BenchSupport.loadAverage());
        } finally {
            clients.forEach(HttpClient::close);
        }
    }

    // ---------------------------------------------------------------- report

    private void report(String run, Map<String, String> databaseFacts, List<MembersResult> results) {
        out.println();
        out.println("=".repeat(78));
        out.printf(Locale.ROOT, "MARC risk assessment benchmark (Anexa 4 autosave) — run %s%n", run);
        out.println("=".repeat(78));
        out.printf(Locale.ROOT, "  workload            each member autosaves its own draft every %d ms ±%.0f%% (%s); every %s%n",
                options.autosaveMillis(), JITTER * 100, options.autosaveMillis() == 0 ? "closed loop" : "paced",
                options.finaliseEvery() > 1 ? options.finaliseEvery() + "th operation finalises, the next opens a new edition"
                        : "operation is a save (no finalisation)");
        out.printf(Locale.ROOT, "  members             %s, acting as %s (member k as user k mod %d); %d operations (+%d warm-up) per C%n",
                options.members(), options.users(), options.users().size(), options.operations(), options.warmup());
        out.printf(Locale.ROOT, "  app                 %d node%s: %s (member k -> node k mod %d)%n", options.urls().size(),
                options.urls().size() == 1 ? "" : "s", options.urls(), options.urls().size());
        out.printf(Locale.ROOT, "  read models         PostgreSQL %s table risk_assessment; Elasticsearch %s/%s (_version)%n",
                options.jdbcUrl(), options.elasticsearchUrl(), options.elasticsearchIndex());
        out.printf(Locale.ROOT, "  machine             %d CPUs seen by the JVM (app, PostgreSQL, Elasticsearch and this client share them), Java %s%n",
                Runtime.getRuntime().availableProcessors(), Runtime.version());
        out.printf(Locale.ROOT, "  PostgreSQL          %s, synchronous_commit=%s, fsync=%s, wal_sync_method=%s, commit_delay=%s%n",
                databaseFacts.get("server_version"), databaseFacts.get("synchronous_commit"), databaseFacts.get("fsync"),
                databaseFacts.get("wal_sync_method"), databaseFacts.get("commit_delay"));
        for (MembersResult result : results) {
            phaseReport(result);
        }
        out.println();
        out.println("Summary (ack = request sent -> HTTP 200 acknowledging the command, after its read-your-writes wait)");
        out.printf(Locale.ROOT, "  %5s %9s %8s %8s %15s %15s %15s %10s %12s %12s %7s%n", "C", "offered/s", "ops/s",
                "saves/s", "ack p50/p99 ms", "PG lag p99 ms", "ES lag p50/p99", "INSERT/s", "ratio sched.", "ratio cap.", "errors");
        for (MembersResult r : results) {
            StoreLag pg = PhaseRunner.lag(r.measured(), "PostgreSQL");
            StoreLag es = PhaseRunner.lag(r.measured(), "Elasticsearch");
            out.printf(Locale.ROOT, "  %5d %9s %8.1f %8.1f %15s %15s %15s %10.0f %12.3f %12.4f %7d%n", r.members(),
                    r.pace().closedLoop() ? "closed" : String.format(Locale.ROOT, "%.1f", r.pace().offeredPerSecond(r.members())),
                    r.operationsPerSecond(), r.savesPerSecond(),
                    Latency.fmt(Latency.ms(r.measured().ack(), 50)) + " / " + Latency.fmt(r.ackP99()),
                    Latency.fmt(Latency.ms(pg.lag(), 99)),
                    Latency.fmt(Latency.ms(es.lag(), 50)) + " / " + Latency.fmt(Latency.ms(es.lag(), 99)),
                    r.rawInsert().rowsPerSecond(), r.scheduleRatio(), r.capacityRatio(), r.measured().errors());
        }
        out.println("  (ratio sched. = MARC ops/s / INSERT+COMMIT rows/s at the members' schedule; ratio cap. = MARC ops/s /");
        out.println("   raw closed-loop INSERT+COMMIT rows/s, the database's capacity, as in the other write benchmarks)");
        MembersResult target = results.stream().filter(r -> r.members() == 100).findFirst().orElse(results.getLast());
        out.printf(Locale.ROOT, "Targets  at C=%d: ack p99 < 150 ms: %s (%s ms)   ratio >= 0.3: %s (schedule %.3f; capacity %.4f)   no errors: %s%n",
                target.members(), BenchSupport.verdictWord(target.ackP99() < 150), Latency.fmt(target.ackP99()),
                BenchSupport.verdictWord(target.scheduleRatio() >= 0.3), target.scheduleRatio(), target.capacityRatio(),
                BenchSupport.verdictWord(target.measured().errors() == 0));
        out.println("=".repeat(78));
        for (MembersResult r : results) {
            out.println("RESULT " + json.writeValueAsString(resultJson(run, r, databaseFacts)));
        }
        out.flush();
    }

    private void phaseReport(MembersResult r) {
        Phase measured = r.measured();
        out.println();
        out.printf(Locale.ROOT, "C = %d members%s%n", r.members(), r.pace().closedLoop() ? " (closed loop)"
                : String.format(Locale.ROOT, ", offering %.1f operations/s", r.pace().offeredPerSecond(r.members())));
        out.printf(Locale.ROOT, "  acknowledged        %d / %d   errors %d%s%n", measured.acknowledged(), measured.commands(),
                measured.errors(), measured.errors() == 0 ? "" : "   " + measured.errorKinds());
        measured.errorSamples().forEach(sample -> out.println("    e.g. " + sample));
        out.printf(Locale.ROOT, "  by kind             %d saves, %d finalisations, %d new editions%n",
                r.ackByOp().get(Op.SAVE).getTotalCount(), r.ackByOp().get(Op.FINALISE).getTotalCount(),
                r.ackByOp().get(Op.EDITION).getTotalCount());
        out.printf(Locale.ROOT, "  wall time           %.3f s; load average %s at start, %s at end%n", measured.wallNanos() / 1e9,
                r.loadAtStart(), r.loadAtEnd());
        out.printf(Locale.ROOT, "  throughput          %.1f operations/s, %.1f saves/s%n", r.operationsPerSecond(), r.savesPerSecond());
        out.printf(Locale.ROOT, "  events appended     %s%n", r.eventsAppended() < 0 ? "n/a" : String.format(Locale.ROOT,
                "%d (%.2f per operation)", r.eventsAppended(), r.eventsAppended() / (double) Math.max(1, measured.acknowledged())));
        BenchSupport.latencyHeader(out);
        BenchSupport.latencyRow(out, "MARC ack, all", measured.ack());
        BenchSupport.latencyRow(out, "  draft save", r.ackByOp().get(Op.SAVE));
        BenchSupport.latencyRow(out, "  finalisation", r.ackByOp().get(Op.FINALISE));
        BenchSupport.latencyRow(out, "  new edition", r.ackByOp().get(Op.EDITION));
        BenchSupport.latencyRow(out, "INSERT+COMMIT raw", r.rawInsert().latency());
        if (r.pacedInsert() != null) {
            BenchSupport.latencyRow(out, "INSERT+COMMIT paced", r.pacedInsert().latency());
        }
        PhaseRunner.printLags(out, measured, "edit", true);
        out.printf(Locale.ROOT, "  (the mutations answer once PostgreSQL shows the version: its lag is ~0, seen before the answer)%n");
        out.printf(Locale.ROOT, "Baseline: single-row INSERT + COMMIT, %d JDBC connections, table %s: raw %.1f rows/s (errors %d)%s%n",
                r.baselineConnections(), InsertBaseline.TABLE, r.rawInsert().rowsPerSecond(), r.rawInsert().errors(),
                r.pacedInsert() == null ? "" : String.format(Locale.ROOT, "; at the members' schedule %.1f rows/s (errors %d)",
                        r.pacedInsert().rowsPerSecond(), r.pacedInsert().errors()));
        out.printf(Locale.ROOT, "  ratio at the same schedule %.3f; ratio to the raw capacity %.4f (1 : %.1f)%n",
                r.scheduleRatio(), r.capacityRatio(), 1 / r.capacityRatio());
    }

    private Map<String, Object> resultJson(String run, MembersResult r, Map<String, String> databaseFacts) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("run", run);
        result.put("workload", "assessment");
        result.put("members", r.members());
        result.put("autosave_ms", options.autosaveMillis());
        result.put("finalise_every", options.finaliseEvery());
        result.put("operations", options.operations());
        result.put("acknowledged", r.measured().acknowledged());
        result.put("errors", r.measured().errors());
        result.put("wall_s", Latency.round(r.measured().wallNanos() / 1e9));
        result.put("offered_per_s", r.pace().closedLoop() ? null : Latency.round(r.pace().offeredPerSecond(r.members())));
        result.put("operations_per_s", Latency.round(r.operationsPerSecond()));
        result.put("saves_per_s", Latency.round(r.savesPerSecond()));
        result.put("ack", Latency.summary(r.measured().ack()));
        Map<String, Object> byOp = new LinkedHashMap<>();
        r.ackByOp().forEach((op, histogram) -> byOp.put(op.name().toLowerCase(Locale.ROOT), Latency.summary(histogram)));
        result.put("ack_by_kind", byOp);
        for (StoreLag lag : r.measured().lags()) {
            Map<String, Object> lagJson = new LinkedHashMap<>(Latency.summary(lag.lag()));
            lagJson.put("missing", lag.missing());
            lagJson.put("seen_before_ack", lag.seenBeforeAck());
            lagJson.put("drain_ms", Latency.round(lag.catchUpMsAfterLastAck()));
            result.put("lag_" + (lag.store().equals("PostgreSQL") ? "pg" : "es"), lagJson);
        }
        result.put("insert_raw_per_s", Latency.round(r.rawInsert().rowsPerSecond()));
        result.put("insert_paced_per_s", r.pacedInsert() == null ? null : Latency.round(r.pacedInsert().rowsPerSecond()));
        result.put("baseline_connections", r.baselineConnections());
        result.put("ratio_schedule", Latency.round(r.scheduleRatio()));
        result.put("ratio_capacity", Latency.round(r.capacityRatio()));
        result.put("events_appended", r.eventsAppended() < 0 ? null : r.eventsAppended());
        result.put("load_start", r.loadAtStart());
        result.put("load_end", r.loadAtEnd());
        result.put("postgres", databaseFacts);
        return result;
    }

    private static int verdict(List<MembersResult> results) {
        List<String> problems = new ArrayList<>();
        for (MembersResult r : results) {
            if (r.measured().errors() > 0) {
                problems.add("C=" + r.members() + ": " + r.measured().errors() + " of " + r.measured().commands()
                        + " operations failed: " + r.measured().errorKinds());
            }
            for (StoreLag lag : r.measured().lags()) {
                if (lag.missing() > 0) {
                    problems.add("C=" + r.members() + ": " + lag.missing() + " acknowledged operations never reached their version in "
                            + lag.store());
                }
            }
            for (InsertBaseline.Result insert : new InsertBaseline.Result[]{r.rawInsert(), r.pacedInsert()}) {
                if (insert != null && insert.errors() > 0) {
                    problems.add("C=" + r.members() + ": " + insert.errors() + " baseline inserts failed: " + insert.firstError());
                }
            }
        }
        problems.forEach(p -> System.err.println("BENCHMARK FAILED: " + p));
        return problems.isEmpty() ? 0 : 1;
    }
}
