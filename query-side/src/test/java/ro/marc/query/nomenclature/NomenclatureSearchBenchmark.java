package ro.marc.query.nomenclature;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import org.HdrHistogram.Histogram;
import ro.marc.events.nomenclature.ItemStatus;
import ro.marc.events.nomenclature.Periodicity;
import ro.marc.events.text.RomanianText;
import ro.marc.ops.services.MarcServices;
import ro.marc.query.nomenclature.ProposalVisibility;
import ro.marc.query.nomenclature.NomenclatureSearch.NomenclatureQuery;
import ro.marc.query.nomenclature.NomenclatureSearch.NomenclatureSearchResult;
import ro.marc.query.nomenclature.NomenclatureSearch.Sort;

import java.time.Instant;
import java.util.*;
import java.util.concurrent.*;
import java.util.concurrent.atomic.AtomicLong;

import static ro.marc.query.nomenclature.NomenclatureIndex.*;

/**
 * Latency and throughput of {@link NomenclatureSearch} over a large nomenclature (100,000 risks and
 * about 2,000 activities, tasks and documents each, 16 work units, 20 domains) and over a small one
 * (about 500 entries). Not a test: a main, run by {@code ops/bench/run-search-benchmark.sh} (or from
 * the IDE with the query-side test classpath); surefire ignores it (its name does not end in Test).
 *
 * <p>The corpus is generated (seeded, so every run indexes the same text: Romanian words with their
 * diacritics) and bulk-indexed <em>directly as documents</em> of the {@link NomenclatureIndex} mapping,
 * with the same folded, sort and facet fields {@link NomenclatureSearchProjection} writes, not through
 * events: replaying 100,000 proposals through the projection measures the projection, not the search,
 * and would take most of the run. The searches are then a seeded mix of what the advanced-search page
 * sends: words with and without diacritics, typed prefixes, filters (kind, work unit, domain, activity,
 * status, proposer, creation date), every sort, facets always, visibility of a member, of a county and
 * of everything, and deep pages through {@code search_after}; each request is one sample.
 *
 * <p>Options: {@code --es URL} (else {@code MARC_ES_URL}, else the local-run services are started),
 * {@code --risks 100000}, {@code --searches 2000}, {@code --threads 4}, {@code --warmup 300},
 * {@code --small 500}, {@code --keep} (keep the indexes). Exit code 0, 1 when a search failed, 3 when it could not run.
 */
public final class NomenclatureSearchBenchmark {

    private static final String[] COUNTIES = {"AB", "AR", "AG", "BC", "BH", "BN", "BT", "BR", "BV", "BZ", "CL", "CS",
            "CJ", "CT", "CV", "DB", "DJ", "GL", "GR", "GJ", "HR", "HD", "IL", "IS", "IF", "MM", "MH", "MS", "NT", "OT",
            "PH", "SJ", "SM", "SB", "SV", "TR", "TM", "TL", "VL", "VS", "VN", "B"};
    private static final String[] WORK_UNITS = {"Achiziții publice", "Resurse umane", "Poliție rutieră",
            "Evidența persoanelor", "Permise de conducere și înmatriculări", "Pașapoarte", "Imigrări",
            "Poliția de frontieră", "Situații de urgență", "Jandarmerie", "Logistică", "Financiar-contabil",
            "Juridic", "Relații cu publicul", "Arhivă", "Tehnologia informației"};
    private static final String[] DOMAINS = {"Ordine publică", "Siguranță rutieră", "Administrativ", "Financiar",
            "Achiziții", "Personal", "Frontieră", "Migrație", "Protecție civilă", "Patrimoniu", "Informatică",
            "Comunicare", "Control intern", "Juridic", "Logistică", "Documente de identitate", "Arme și muniții",
            "Pază și protecție", "Cooperare internațională", "Formare profesională"};
    private static final String[] ACTS = {"Întocmirea", "Falsificarea", "Omiterea", "Favorizarea", "Acceptarea",
            "Solicitarea", "Divulgarea", "Modificarea", "Ascunderea", "Neînregistrarea", "Eliberarea", "Avizarea",
            "Verificarea superficială a", "Distrugerea", "Antedatarea", "Înstrăinarea", "Utilizarea abuzivă a",
            "Neîntocmirea", "Păstrarea necorespunzătoare a", "Transmiterea"};
    private static final String[] OBJECTS = {"documentelor", "actelor", "datelor personale", "ofertelor",
            "foilor de parcurs", "proceselor-verbale", "avizelor", "certificatelor", "facturilor", "dosarelor",
            "permiselor", "pașapoartelor", "autorizațiilor", "contractelor", "rapoartelor", "chitanțelor",
            "înscrisurilor", "bunurilor confiscate", "probelor", "evidențelor"};
    private static final String[] MANNERS = {"în schimbul unor foloase", "pentru obținerea de avantaje",
            "fără temei legal", "în interes personal", "cu încălcarea procedurii", "la cererea unor terți",
            "în mod repetat", "prin abuz în serviciu", "în fals", "pentru plata pe loc a contravențiilor",
            "cu depășirea atribuțiilor", "în lipsa controlului ierarhic", "sub presiunea superiorilor",
            "în favoarea rudelor", "pentru mușamalizarea faptelor"};
    private static final String[] PLACES = {"la achiziții", "în trafic", "la angajare", "la ghișeu", "la frontieră",
            "în depozit", "la inventariere", "în arhivă", "la recepția lucrărilor", "la licitație", "la control",
            "în teren", "la înmatriculare", "la examenul auto", "la eliberarea pașapoartelor"};
    private static final String[] WORDS = ("angajat funcționar șef superior cetățean agent polițist jandarm ofițer "
            + "sumă bani cadou mită avantaj folos foloase presiune amenințare șantaj abuz fals neglijență lipsă "
            + "control verificare procedură regulament ordin lege hotărâre dispoziție termen întârziere urgență "
            + "ghișeu dosar cerere petiție reclamație sesizare anchetă cercetare probă martor declarație proces "
            + "amendă contravenție sancțiune permis certificat pașaport carte identitate viză autorizație licență "
            + "contract ofertă licitație achiziție furnizor firmă preț factură plată încasare chitanță buget "
            + "inventar depozit bunuri echipament vehicul combustibil foaie parcurs pontaj salariu spor concediu "
            + "recrutare concurs examen selecție promovare transfer detașare evaluare instruire "
            + "confidențialitate informații clasificate date personale sistem informatic parolă acces jurnal "
            + "frontieră vamă trecere control bagaje marfă contrabandă țigări combustibil "
            + "rudă prieten cunoștință intermediar interes conflict incompatibilitate declarație avere "
            + "risc vulnerabilitate măsură recomandare prevenire depistare raportare supraveghere audit").split(" ");
    private static final String[] TASKS = {"Verificarea", "Înregistrarea", "Avizarea", "Soluționarea", "Arhivarea",
            "Recepția", "Întocmirea", "Controlul", "Evaluarea", "Aprobarea"};

    private final ElasticsearchClient client;
    private final Random random;

    private NomenclatureSearchBenchmark(ElasticsearchClient client, long seed) {
        this.client = client;
        this.random = new Random(seed);
    }

    public static void main(String[] args) {
        int rc;
        try {
            rc = benchmark(args);
        } catch (Exception e) {
            e.printStackTrace();
            rc = 3;
        }
        // the Elasticsearch client's I/O threads would keep the JVM alive
        System.exit(rc);
    }

    private static int benchmark(String[] args) throws Exception {
        Map<String, String> options = options(args);
        String es = options.getOrDefault("es", System.getenv("MARC_ES_URL"));
        if (es == null || es.isBlank()) {
            es = MarcServices.forLocalRun().elasticsearchUrl();
        }
        int risks = Integer.parseInt(options.getOrDefault("risks", "100000"));
        int searches = Integer.parseInt(options.getOrDefault("searches", "2000"));
        int threads = Integer.parseInt(options.getOrDefault("threads", "4"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "300"));
        int small = Integer.parseInt(options.getOrDefault("small", "500"));
        boolean keep = options.containsKey("keep");
        String url = es;
        ElasticsearchClient client = ElasticsearchClient.of(b -> b.host(url).jsonMapper(new Jackson3JsonpMapper()));
        // (the integ-test distribution the local run uses answers no GET /, so no version here)
        System.out.printf("# Nomenclature search benchmark: Elasticsearch at %s, %d CPUs here, Java %s%n",
                url, Runtime.getRuntime().availableProcessors(), Runtime.version());
        System.out.printf("# %d searches from %d threads after %d warm-up searches; first = 20 (deep pages 20 x up to 10)%n",
                searches, threads, warmup);
        String run = Long.toString(System.currentTimeMillis(), 36);
        boolean failed = false;
        failed |= new NomenclatureSearchBenchmark(client, 42).run("large", "marc-bench-search-" + run + "-large",
                risks, 2000, searches, threads, warmup, keep);
        int activities = Math.max(5, small / 20);
        failed |= new NomenclatureSearchBenchmark(client, 43).run("small", "marc-bench-search-" + run + "-small",
                small - 3 * activities, activities, searches, threads, warmup, keep);
        client.close();
        return failed ? 1 : 0;
    }

    // ---------------------------------------------------------------- corpus

    private record Corpus(List<String> workUnitIds, List<String> domainIds, List<String> activityIds,
                          List<String> taskIds, List<String> users, int entries) {
    }

    private boolean run(String label, String prefix, int risks, int activities, int searches, int threads, int warmup,
                        boolean keep) throws Exception {
        NomenclatureIndex index = new NomenclatureIndex(client, prefix);
        index.ensureCreated();
        try {
            long start = System.nanoTime();
            client.indices().putSettings(s -> s.index(index.name()).settings(t -> t.refreshInterval(r -> r.time("-1"))));
            Corpus corpus = index(index, risks, activities);
            client.indices().putSettings(s -> s.index(index.name()).settings(t -> t.refreshInterval(r -> r.time("1s"))));
            client.indices().refresh(r -> r.index(index.name()));
            client.indices().forcemerge(f -> f.index(index.name()).maxNumSegments(1L));
            long count = client.count(c -> c.index(index.name())).count();
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("%n## %s corpus: %,d documents (%,d risks, %,d activities, tasks and documents each, "
                            + "%d work units, %d domains) indexed in %.1f s (%,.0f docs/s, incl. refresh + force merge)%n",
                    label, count, risks, activities, WORK_UNITS.length, DOMAINS.length, seconds, count / seconds);

            NomenclatureSearch search = new NomenclatureSearch(client, index);
            // warm-up: same mix, not measured
            runSearches(search, corpus, warmup, threads, null, null);
            Map<String, Histogram> byType = new ConcurrentHashMap<>();
            Histogram all = new Histogram(60_000_000_000L, 3);
            long began = System.nanoTime();
            long errors = runSearches(search, corpus, searches, threads, all, byType);
            double elapsed = (System.nanoTime() - began) / 1e9;
            System.out.printf("%-28s %8s %8s %8s %8s %8s %8s%n", "searches (ms)", "count", "p50", "p90", "p99", "max", "mean");
            print("all", all);
            new TreeMap<>(byType).forEach(NomenclatureSearchBenchmark::print);
            System.out.printf("throughput: %.0f searches/s (%d threads, %.1f s); errors: %d%n",
                    all.getTotalCount() / elapsed, threads, elapsed, errors);
            return errors > 0;
        } finally {
            if (!keep) {
                index.delete();
            }
        }
    }

    private static void print(String name, Histogram h) {
        System.out.printf("%-28s %8d %8.1f %8.1f %8.1f %8.1f %8.1f%n", name, h.getTotalCount(),
                h.getValueAtPercentile(50) / 1e6, h.getValueAtPercentile(90) / 1e6, h.getValueAtPercentile(99) / 1e6,
                h.getMaxValue() / 1e6, h.getMean() / 1e6);
    }

    private Corpus index(NomenclatureIndex index, int risks, int activities) throws Exception {
        List<String> workUnitIds = new ArrayList<>();
        Map<String, String> workUnitNames = new HashMap<>();
        for (String name : WORK_UNITS) {
            String id = uuid();
            workUnitIds.add(id);
            workUnitNames.put(id, name);
        }
        List<String> users = new ArrayList<>();
        Map<String, String> userCounty = new HashMap<>();
        for (int i = 0; i < 400; i++) {
            String user = "user-" + i;
            users.add(user);
            userCounty.put(user, COUNTIES[i % COUNTIES.length]);
        }
        Instant epoch = Instant.parse("2026-01-01T00:00:00Z");
        List<Map<String, Object>> batch = new ArrayList<>();
        List<String> domainIds = new ArrayList<>();
        Map<String, String> domainNames = new HashMap<>();
        for (String name : DOMAINS) {
            String id = uuid();
            domainIds.add(id);
            domainNames.put(id, name);
            Map<String, Object> d = base(KIND_DOMAIN, id, name, null, ItemStatus.APPROVED, "admin", null, epoch);
            d.put(DOMAIN_ID, id);
            d.put(DOMAIN_NAME, name);
            d.put(FACET_DOMAIN, NomenclatureSearchProjection.facetKey(id, name));
            batch.add(d);
        }
        List<Map<String, Object>> activityDocs = new ArrayList<>();
        for (int i = 0; i < activities; i++) {
            String id = uuid();
            String name = pick(TASKS) + " " + pick(OBJECTS) + " " + pick(PLACES) + " (" + (i + 1) + ")";
            String user = pick(users);
            Map<String, Object> d = base("ACTIVITY", id, name, sentence(10, 25), status(), user, userCounty.get(user),
                    epoch.plusSeconds(random.nextInt(300 * 86400)));
            d.put(ACTIVITY_ID, id);
            d.put(ACTIVITY_NAME, name);
            d.put(ACTIVITY_NAME_SORT, NomenclatureSearchProjection.sortKey(name));
            d.put(FACET_ACTIVITY, NomenclatureSearchProjection.facetKey(id, name));
            String domain = pick(domainIds);
            d.put(DOMAIN_ID, domain);
            d.put(DOMAIN_NAME, domainNames.get(domain));
            d.put(FACET_DOMAIN, NomenclatureSearchProjection.facetKey(domain, domainNames.get(domain)));
            List<String> wus = new ArrayList<>(List.of(pick(workUnitIds)));
            if (random.nextInt(3) == 0) {
                String second = pick(workUnitIds);
                if (!wus.contains(second)) {
                    wus.add(second);
                }
            }
            List<String> names = wus.stream().map(workUnitNames::get).toList();
            d.put(WORK_UNIT_IDS, wus);
            d.put(WORK_UNIT_NAMES, names);
            d.put(WORK_UNIT_SORT, names.stream().map(NomenclatureSearchProjection::sortKey).sorted().findFirst().orElseThrow());
            d.put(FACET_WORK_UNITS, wus.stream().map(w -> NomenclatureSearchProjection.facetKey(w, workUnitNames.get(w))).toList());
            activityDocs.add(d);
            batch.add(d);
        }
        List<String> taskIds = new ArrayList<>();
        List<Map<String, Object>> taskDocs = new ArrayList<>();
        for (int i = 0; i < activities; i++) {
            Map<String, Object> activity = activityDocs.get(random.nextInt(activityDocs.size()));
            Map<String, Object> d = child("TASK", activity, pick(TASKS) + " " + pick(OBJECTS) + " " + pick(MANNERS),
                    null, users, userCounty, epoch);
            d.put(TASK_ID, d.get(ID));
            d.put(TASK_NAME, d.get(NAME));
            taskIds.add((String) d.get(ID));
            taskDocs.add(d);
            batch.add(d);
        }
        Periodicity[] periodicities = Periodicity.values();
        for (int i = 0; i < activities; i++) {
            Map<String, Object> task = taskDocs.get(random.nextInt(taskDocs.size()));
            Map<String, Object> d = child("DOCUMENT", task, "Registrul " + pick(OBJECTS) + " " + pick(PLACES),
                    null, users, userCounty, epoch);
            d.put(TASK_ID, task.get(ID));
            d.put(TASK_NAME, task.get(NAME));
            d.put(PERIODICITY, periodicities[random.nextInt(periodicities.length)].name());
            batch.add(d);
        }
        List<String> activityIds = activityDocs.stream().map(a -> (String) a.get(ID)).toList();
        for (int i = 0; i < risks; i++) {
            // a few activities have many risks (skewed, like real catalogues)
            int a = (int) Math.min(activityDocs.size() - 1, Math.abs(random.nextGaussian()) * activityDocs.size() / 3);
            String name = pick(ACTS) + " " + pick(OBJECTS) + " " + pick(MANNERS) + " " + pick(PLACES);
            batch.add(child("RISK", activityDocs.get(a), name, sentence(8, 30), users, userCounty, epoch));
            if (batch.size() >= 5000) {
                bulk(index, batch);
            }
        }
        bulk(index, batch);
        return new Corpus(workUnitIds, domainIds, activityIds, taskIds, users, activities * 3 + risks);
    }

    private Map<String, Object> child(String kind, Map<String, Object> parent, String name, String description,
                                      List<String> users, Map<String, String> userCounty, Instant epoch) {
        String user = pick(users);
        Map<String, Object> d = base(kind, uuid(), name, description, status(), user, userCounty.get(user),
                epoch.plusSeconds(random.nextInt(300 * 86400)));
        for (String field : List.of(ACTIVITY_ID, ACTIVITY_NAME, ACTIVITY_NAME_SORT, FACET_ACTIVITY, DOMAIN_ID,
                DOMAIN_NAME, FACET_DOMAIN, WORK_UNIT_IDS, WORK_UNIT_NAMES, WORK_UNIT_SORT, FACET_WORK_UNITS)) {
            d.put(field, parent.get(field));
        }
        return d;
    }

    private Map<String, Object> base(String kind, String id, String name, String description, ItemStatus status,
                                     String user, String county, Instant created) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put(KIND, kind);
        d.put(ID, id);
        d.put(NAME, name);
        d.put(NAME_FOLDED, RomanianText.fold(name));
        d.put(NAME_SORT, NomenclatureSearchProjection.sortKey(name));
        if (description != null) {
            d.put(DESCRIPTION, description);
            d.put(DESCRIPTION_FOLDED, RomanianText.fold(description));
        }
        d.put(STATUS, status.name());
        d.put(PROPOSER_USER_ID, user);
        d.put(PROPOSER_ORG_UNIT_ID, null);
        d.put(PROPOSER_COUNTY, county);
        d.put(CREATED_AT, created.toString());
        d.put(UPDATED_AT, created.toString());
        d.put(VERSION, 2L);
        return d;
    }

    private void bulk(NomenclatureIndex index, List<Map<String, Object>> documents) throws Exception {
        if (documents.isEmpty()) {
            return;
        }
        List<BulkOperation> operations = documents.stream().map(d -> BulkOperation.of(b -> b.index(i -> i
                .index(index.name()).id((String) d.get(ID)).document(d)))).toList();
        BulkResponse response = client.bulk(b -> b.operations(operations));
        if (response.errors()) {
            var failure = response.items().stream().filter(i -> i.error() != null).findFirst().orElseThrow();
            throw new IllegalStateException("Bulk indexing failed: " + failure.error().reason());
        }
        documents.clear();
    }

    private ItemStatus status() {
        int p = random.nextInt(100);
        return p < 85 ? ItemStatus.APPROVED : p < 95 ? ItemStatus.PROPOSED : p < 98 ? ItemStatus.REJECTED : ItemStatus.INACTIVE;
    }

    private String sentence(int min, int max) {
        int n = min + random.nextInt(max - min + 1);
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            String w = pick(WORDS);
            s.append(i == 0 ? Character.toUpperCase(w.charAt(0)) + w.substring(1) : w).append(i == n - 1 ? "." : " ");
        }
        return s.toString();
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private String uuid() {
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }

    // ---------------------------------------------------------------- searches

    /** Runs {@code total} searches from {@code threads} threads; records each request when histograms are given. */
    private long runSearches(NomenclatureSearch search, Corpus corpus, int total, int threads, Histogram all,
                             Map<String, Histogram> byType) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicLong remaining = new AtomicLong(total);
        AtomicLong errors = new AtomicLong();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            long seed = random.nextLong();
            futures.add(pool.submit(() -> {
                Random r = new Random(seed);
                while (remaining.get() > 0) {
                    Scenario scenario = scenario(r, corpus);
                    String after = null;
                    for (int page = 0; page < scenario.pages() && remaining.getAndDecrement() > 0; page++) {
                        NomenclatureQuery query = scenario.query().toBuilder().after(after).build();
                        long start = System.nanoTime();
                        NomenclatureSearchResult result;
                        try {
                            result = search.search(query, scenario.visibility());
                        } catch (RuntimeException e) {
                            if (errors.incrementAndGet() <= 5) {
                                System.err.println("search " + scenario.type() + " failed: " + e);
                            }
                            break;
                        }
                        long nanos = System.nanoTime() - start;
                        if (all != null) {
                            synchronized (all) {
                                all.recordValue(nanos);
                            }
                            Histogram h = byType.computeIfAbsent(scenario.type() + (page > 0 ? " (next page)" : ""),
                                    k -> new Histogram(60_000_000_000L, 3));
                            synchronized (h) {
                                h.recordValue(nanos);
                            }
                        }
                        if (!result.hasNextPage()) {
                            break;
                        }
                        after = result.endCursor();
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        return errors.get();
    }

    private record Scenario(String type, NomenclatureQuery query, ProposalVisibility visibility, int pages) {
    }

    private static Scenario scenario(Random r, Corpus c) {
        String user = c.users().get(r.nextInt(c.users().size()));
        ProposalVisibility member = ProposalVisibility.own(user);
        ProposalVisibility county = new ProposalVisibility(false, user, Set.of(COUNTIES[r.nextInt(COUNTIES.length)]));
        ProposalVisibility everything = ProposalVisibility.all();
        String act = ACTS[r.nextInt(ACTS.length)];
        String object = OBJECTS[r.nextInt(OBJECTS.length)];
        String manner = MANNERS[r.nextInt(MANNERS.length)];
        String word = WORDS[r.nextInt(WORDS.length)];
        Sort[] sorts = Sort.values();
        return switch (r.nextInt(10)) {
            case 0 -> new Scenario("text, diacritics", NomenclatureQuery.builder().text(act + " " + object).build(), member, 1);
            case 1 -> new Scenario("text, folded", NomenclatureQuery.builder()
                    .text(RomanianText.fold(object + " " + manner)).build(), county, 1);
            case 2 -> new Scenario("text, typed prefix", NomenclatureQuery.builder()
                    .text(RomanianText.fold(word.length() > 4 ? word.substring(0, 4) : word)).build(), member, 1);
            case 3 -> new Scenario("filters, name sort", NomenclatureQuery.builder().kinds("RISK")
                    .workUnitIds(c.workUnitIds().get(r.nextInt(c.workUnitIds().size())))
                    .statuses(ItemStatus.APPROVED).sort(r.nextBoolean() ? Sort.NAME_ASC : Sort.NAME_DESC).build(), everything, 1);
            case 4 -> new Scenario("text + activity", NomenclatureQuery.builder().text(RomanianText.fold(word))
                    .activityId(c.activityIds().get((int) Math.min(c.activityIds().size() - 1,
                            Math.abs(r.nextGaussian()) * c.activityIds().size() / 3))).build(), member, 1);
            case 5 -> new Scenario("text + domain, wu sort", NomenclatureQuery.builder().text(word)
                    .domainId(c.domainIds().get(r.nextInt(c.domainIds().size())))
                    .sort(r.nextBoolean() ? Sort.WORK_UNIT_ASC : Sort.WORK_UNIT_DESC).build(), county, 1);
            case 6 -> new Scenario("all filters, activity sort", NomenclatureQuery.builder()
                    .kinds("RISK", "TASK", "DOCUMENT").statuses(ItemStatus.values())
                    .workUnitIds(c.workUnitIds().get(r.nextInt(c.workUnitIds().size())),
                            c.workUnitIds().get(r.nextInt(c.workUnitIds().size())))
                    .createdFrom(Instant.parse("2026-03-01T00:00:00Z")).createdTo(Instant.parse("2026-08-01T00:00:00Z"))
                    .sort(r.nextBoolean() ? Sort.ACTIVITY_ASC : Sort.ACTIVITY_DESC).build(), everything, 1);
            case 7 -> new Scenario("proposer's own", NomenclatureQuery.builder().proposerUserId(user)
                    .statuses(ItemStatus.values()).sort(Sort.NAME_ASC).build(), member, 1);
            case 8 -> new Scenario("browse all, facets", NomenclatureQuery.builder()
                    .sort(sorts[r.nextInt(sorts.length)]).build(), everything, 1);
            default -> new Scenario("deep pages", NomenclatureQuery.builder()
                    .text(r.nextBoolean() ? RomanianText.fold(object) : null).kinds("RISK")
                    .sort(sorts[1 + r.nextInt(sorts.length - 1)]).build(), county, 10);
        };
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("Unexpected argument " + args[i]);
            }
            String name = args[i].substring(2);
            if (name.equals("keep")) {
                options.put(name, "true");
            } else {
                options.put(name, args[++i]);
            }
        }
        return options;
    }
}
