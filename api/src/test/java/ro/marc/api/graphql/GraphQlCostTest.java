package ro.marc.api.graphql;

import graphql.analysis.QueryComplexityCalculator;
import graphql.execution.CoercedVariables;
import graphql.introspection.Introspection;
import graphql.introspection.IntrospectionQuery;
import graphql.introspection.IntrospectionQueryBuilder;
import graphql.parser.Parser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.GraphQlSource;
import ro.marc.api.support.ApiTestSupport;
import ro.marc.ops.services.MarcServices;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cost limits on the running application (real PostgreSQL and Elasticsearch): aliases, fields,
 * the per-field cost with page-size multipliers, introspection (GraphiQL), and a trivial query staying
 * fast while four requests at the cost limit run. Figures are printed (the machine may be shared: they
 * are noisy; only generous bounds are asserted).
 */
class GraphQlCostTest extends ApiTestSupport {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String TRIVIAL = "{ viewer { user { displayName } } }";
    /** One searchNomenclature, 1,063 points: 1,000 (Elasticsearch) + totalCount 1 + edges 2 + 20 × (node 1 + 2 scalars). */
    private static final String ONE_SEARCH = "searchNomenclature(query: {text: \"fals\"}) { totalCount edges { node { name highlight } } }";

    private static String aliases(int n, String field) {
        return IntStream.range(0, n).mapToObj(i -> "a" + i + ": " + field).collect(Collectors.joining("\n", "{\n", "\n}"));
    }

    private static String code(JsonNode response) {
        return firstError(response).path("extensions").path("code").asString();
    }

    @Test
    void a_thousand_aliased_searches_are_refused_before_any_elasticsearch_query() throws Exception {
        graphql("admin", "{ " + ONE_SEARCH + " }", Map.of()); // warm up (and the index exists)
        long searchesBefore = nomenclatureQueryTotal();
        // the smallest alias (graphql-java's parser refuses documents of more than 15,000 tokens on its own)
        String document = aliases(1000, "searchNomenclature(query: {}) { totalCount }");

        long start = System.nanoTime();
        JsonNode response = graphql("admin", document, Map.of());
        long ms = (System.nanoTime() - start) / 1_000_000;

        System.out.printf("[cost] 1,000 aliased searchNomenclature (%d KB): refused in %d ms: %s%n",
                document.length() / 1024, ms, firstError(response));
        assertThat(code(response)).isEqualTo("TOO_MANY_ALIASES");
        assertThat(firstError(response).path("extensions").path("classification").asString()).isEqualTo("BAD_REQUEST");
        assertThat(firstError(response).path("extensions").path("aliases").asInt()).isEqualTo(1000);
        assertThat(firstError(response).path("extensions").path("limit").asInt()).isEqualTo(30);
        assertThat(response.path("data").isMissingNode() || response.path("data").isNull()).isTrue();
        assertThat(nomenclatureQueryTotal()).as("Elasticsearch searches run").isEqualTo(searchesBefore);
        assertThat(ms).isLessThan(5_000);

        // repeated a few times: the refusal's own cost
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            long s = System.nanoTime();
            assertThat(code(graphql("admin", document, Map.of()))).isEqualTo("TOO_MANY_ALIASES");
            times.add((System.nanoTime() - s) / 1_000_000);
        }
        System.out.printf("[cost] 1,000-alias refusal, 5 more runs (ms): %s%n", times);
    }

    @Test
    void searches_are_allowed_up_to_the_cost_limit_and_refused_above_it_with_the_cost() throws Exception {
        // the nine searches ran (Elasticsearch counts them), whatever the index holds at this moment
        String count = HTTP.send(HttpRequest.newBuilder(URI.create(MarcServices.forTests().elasticsearchUrl() + "/"
                + INDEX_PREFIX + "-nomenclature/_count")).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
        System.out.printf("[cost] nomenclature index before the nine searches: %s%n", count);
        long beforeNine = nomenclatureQueryTotal();
        JsonNode atLimit = graphql("admin", aliases(9, ONE_SEARCH), Map.of());
        assertThat(atLimit.has("errors")).as(atLimit.toString()).isFalse();
        assertThat(atLimit.path("data").path("a8").path("totalCount").isInt()).as(atLimit.toString()).isTrue();
        assertThat(nomenclatureQueryTotal() - beforeNine).isGreaterThanOrEqualTo(9);

        long searchesBefore = nomenclatureQueryTotal();
        JsonNode over = graphql("admin", aliases(10, ONE_SEARCH), Map.of());
        System.out.printf("[cost] 9 searches allowed; 10 refused: %s%n", firstError(over));
        assertThat(code(over)).isEqualTo("QUERY_TOO_COSTLY");
        assertThat(firstError(over).path("extensions").path("classification").asString()).isEqualTo("BAD_REQUEST");
        assertThat(firstError(over).path("extensions").path("cost").asInt()).isEqualTo(10 * 1063);
        assertThat(firstError(over).path("extensions").path("limit").asInt()).isEqualTo(10_000);
        assertThat(nomenclatureQueryTotal()).isEqualTo(searchesBefore);
    }

    @Test
    void aliases_and_fields_are_capped_and_cheap_aliases_within_the_cap_pass() {
        assertThat(graphql("admin", aliases(30, "viewer { user { displayName } }"), Map.of()).has("errors")).isFalse();
        JsonNode tooMany = graphql("admin", aliases(31, "viewer { user { displayName } }"), Map.of());
        assertThat(code(tooMany)).isEqualTo("TOO_MANY_ALIASES");

        String fields = IntStream.range(0, 1001).mapToObj(i -> "displayName").collect(Collectors.joining(" "));
        JsonNode wide = graphql("admin", "{ viewer { user { " + fields + " } } }", Map.of());
        assertThat(code(wide)).isEqualTo("TOO_MANY_FIELDS");
        assertThat(firstError(wide).path("extensions").path("limit").asInt()).isEqualTo(1000);

        // fragments count where they are spread (a fragment bomb is counted, not expanded)
        StringBuilder bomb = new StringBuilder("{ viewer { ...F0 } }\n");
        bomb.append("fragment F9 on Viewer { user { displayName email } }\n");
        for (int i = 8; i >= 0; i--) {
            bomb.append("fragment F").append(i).append(" on Viewer { ...F").append(i + 1).append(" user { ... on User { id } } }\n");
        }
        JsonNode expanded = graphql("admin", bomb.toString(), Map.of());
        assertThat(expanded.has("errors")).as(expanded.toString()).isFalse();
    }

    @Test
    void nested_page_sizes_multiply() {
        String flat500 = "{ root { children(first: 500) { edges { node { name } } } } }";
        assertThat(graphql("admin", flat500, Map.of()).has("errors")).isFalse();

        String nested500 = "{ root { children(first: 500) { edges { node { name children(first: 500) { edges { node { name } } } } } } } }";
        JsonNode refused = graphql("admin", nested500, Map.of());
        System.out.printf("[cost] first: 500 inside first: 500: %s%n", firstError(refused));
        assertThat(code(refused)).isEqualTo("QUERY_TOO_COSTLY");
        assertThat(firstError(refused).path("extensions").path("cost").asInt()).isGreaterThan(250_000);

        String nested5in500 = "{ root { children(first: 500) { edges { node { name children(first: 5) { edges { node { name } } } } } } } }";
        assertThat(code(graphql("admin", nested5in500, Map.of()))).isEqualTo("QUERY_TOO_COSTLY");

        String nested5in50 = "{ root { children(first: 50) { edges { node { name children(first: 5) { edges { node { name } } } } } } } }";
        assertThat(graphql("admin", nested5in50, Map.of()).has("errors")).isFalse();
    }

    @Autowired
    GraphQlSource graphQlSource;

    /** The cost the FieldCost model gives a document (as QueryLimits computes it). */
    private int cost(String document) {
        return QueryComplexityCalculator.newCalculator().fieldComplexityCalculator(new FieldCost())
                .schema(graphQlSource.schema()).document(Parser.parse(document))
                .variables(CoercedVariables.emptyVariables()).build().calculate();
    }

    @Test
    void the_model_gives_the_documented_costs() {
        assertThat(cost(README_FIRST)).isEqualTo(5_821);
        assertThat(cost(README_NOMENCLATURE)).isEqualTo(1_265);
        assertThat(cost("{ " + ONE_SEARCH + " }")).isEqualTo(1_063);
        assertThat(cost("{ root { children(first: 500) { edges { node { name } } } } }")).isEqualTo(1_017);
        assertThat(cost("{ root { children(first: 500) { edges { node { name children(first: 5) { edges { node { name } } } } } } } }"))
                .isEqualTo(12_017);
        assertThat(cost("{ root { children(first: 100000) { edges { node { name } } } } }")).as("pages capped at 500").isEqualTo(1_017);
        assertThat(cost(IntrospectionQuery.INTROSPECTION_QUERY)).isZero();
        System.out.printf("[cost] README first query %d, README nomenclature query %d, trivial viewer query %d%n",
                cost(README_FIRST), cost(README_NOMENCLATURE), cost(TRIVIAL));
    }

    private static final String README_FIRST = """
            {
              root {
                name
                children {
                  edges { node { id name level
                    children(first: 5) { edges { node { name county workUnits { name } } } pageInfo { hasNextPage endCursor } }
                  } }
                }
              }
              search(text: "anticoruptie cluj") { totalCount edges { node { kind name highlight county } } }
            }""";

    private static final String README_NOMENCLATURE = """
            { proposals(first: 10) { edges { node { id kind name status version proposerUserId } } }
              searchNomenclature(query: {text: "intocmirea in fals", sort: RELEVANCE}) {
                totalCount edges { node { kind name highlight activityName workUnitNames } }
                facets { kinds { value count } workUnits { label count } } } }""";

    @Test
    void the_readme_queries_pass() {
        JsonNode response = graphql("admin", README_FIRST, Map.of());
        assertThat(response.has("errors")).as(response.toString()).isFalse();

        response = graphql("admin", README_NOMENCLATURE, Map.of());
        assertThat(response.has("errors")).as(response.toString()).isFalse();
        response = graphql("member.cluj",
                "{ viewer { user { displayName } roles { role counties } orgUnits { name } workingGroups { name } } }", Map.of());
        assertThat(response.has("errors")).as(response.toString()).isFalse();
    }

    @Test
    void graphiql_introspection_passes_the_limits() {
        String graphiql = IntrospectionQueryBuilder.build(IntrospectionQueryBuilder.Options.defaultOptions()
                .descriptions(true).specifiedByUrl(true).directiveIsRepeatable(true).schemaDescription(true)
                .inputValueDeprecation(true).typeRefFragmentDepth(7));
        // Boot applies spring.graphql.schema.introspection.enabled JVM-wide (Introspection.enabledJvmWide), so
        // the last context started in this test JVM decides; this test wants the local profile's setting (on)
        boolean before = Introspection.enabledJvmWide(true);
        try {
            for (String query : List.of(IntrospectionQuery.INTROSPECTION_QUERY, graphiql)) {
                QueryLimits.Counts counts = QueryLimits.count(Parser.parse(query), "IntrospectionQuery");
                System.out.printf("[cost] introspection query: %d fields, %d aliases%n", counts.fields(), counts.aliases());
                JsonNode response = graphql("admin", query, Map.of());
                assertThat(response.has("errors")).as(response.toString()).isFalse();
                assertThat(response.path("data").path("__schema").path("types").size()).isGreaterThan(50);
            }
        } finally {
            Introspection.enabledJvmWide(before);
        }
    }

    @Test
    void a_trivial_query_stays_fast_while_four_requests_at_the_cost_limit_run() throws Exception {
        String expensive = aliases(9, ONE_SEARCH);
        for (int i = 0; i < 10; i++) {
            graphql("member.cluj", TRIVIAL, Map.of());
        }
        List<Long> idle = sample(30, null);

        List<String> users = List.of("admin", "auditor", "admin.cluj", "counsellor.central");
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger done = new AtomicInteger();
        ConcurrentLinkedQueue<Long> expensiveMs = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> expensiveErrors = new ConcurrentLinkedQueue<>();
        CountDownLatch started = new CountDownLatch(users.size());
        List<Long> loaded;
        try (ExecutorService pool = Executors.newFixedThreadPool(users.size())) {
            List<Future<?>> workers = new ArrayList<>();
            for (String user : users) {
                String token = token(user);
                workers.add(pool.submit(() -> {
                    started.countDown();
                    while (!stop.get()) {
                        long s = System.nanoTime();
                        HttpResponse<String> r = post(token, expensive, Map.of());
                        expensiveMs.add((System.nanoTime() - s) / 1_000_000);
                        if (r.statusCode() != 200 || r.body().contains("\"errors\"")) {
                            expensiveErrors.add(r.statusCode() + " " + r.body().substring(0, Math.min(300, r.body().length())));
                        }
                        done.incrementAndGet();
                    }
                    return null;
                }));
            }
            started.await();
            Thread.sleep(300);
            loaded = sample(60, stop);
            stop.set(true);
            for (Future<?> worker : workers) {
                worker.get();
            }
        }
        List<Long> heavy = new ArrayList<>(expensiveMs);
        System.out.printf("[cost] trivial query alone: p50 %d ms, max %d ms (n=%d)%n", p(idle, 50), p(idle, 100), idle.size());
        System.out.printf("[cost] trivial query while 4 callers each loop a request at the cost limit (9 searches, 9,567 points): "
                + "p50 %d ms, p95 %d ms, max %d ms (n=%d)%n", p(loaded, 50), p(loaded, 95), p(loaded, 100), loaded.size());
        System.out.printf("[cost] the expensive requests: %d done, p50 %d ms, max %d ms, errors %d %s%n", done.get(),
                p(heavy, 50), p(heavy, 100), expensiveErrors.size(), expensiveErrors.stream().limit(2).toList());
        assertThat(expensiveErrors).isEmpty();
        assertThat(done.get()).isGreaterThanOrEqualTo(4);
        assertThat(p(loaded, 50)).as("trivial p50 under load").isLessThan(2_000);
    }

    /** n trivial queries one after another (until n or stop), their times in ms. */
    private List<Long> sample(int n, AtomicBoolean stop) throws InterruptedException {
        String token = token("member.cluj");
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < n && (stop == null || !stop.get()); i++) {
            long s = System.nanoTime();
            HttpResponse<String> r = post(token, TRIVIAL, Map.of());
            times.add((System.nanoTime() - s) / 1_000_000);
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).doesNotContain("\"errors\"");
            Thread.sleep(50);
        }
        return times;
    }

    private static long p(List<Long> values, int percentile) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        if (sorted.isEmpty()) {
            return -1;
        }
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    /** Searches Elasticsearch ran on this JVM's nomenclature index so far. */
    private static long nomenclatureQueryTotal() throws Exception {
        String url = MarcServices.forTests().elasticsearchUrl() + "/" + INDEX_PREFIX + "-nomenclature/_stats/search";
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body()).path("_all").path("total").path("search").path("query_total").asLong();
    }
}
