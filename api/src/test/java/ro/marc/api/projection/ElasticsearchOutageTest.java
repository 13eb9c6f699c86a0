package ro.marc.api.projection;

import co.elastic.clients.elasticsearch.core.CountRequest;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import ro.marc.api.MarcApplication;
import ro.marc.api.local.DemoUsers;
import ro.marc.api.local.DevTokenSigner;
import ro.marc.api.support.ApiTestSupport;
import ro.marc.api.support.TcpFaultProxy;
import ro.marc.ops.services.MarcServices;
import ro.marc.query.org.OrgSearchProjection;
import ro.marc.query.org.SearchIndexes;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Elasticsearch refuses connections for 10 s while several clients create org units: afterwards
 * every unit is in the index, with no operator action and no dead letter (before: 705 of 795 units
 * never reached the index, parked behind the first failure).
 *
 * <p>The application is started here (not as a Spring test context: a second cached test context
 * would pause, i.e. stop, the shared one, and Axon's processors cannot be restarted in a stopped
 * context) with {@code marc.elasticsearch.url} pointing at a {@link TcpFaultProxy}. Another
 * application context of this test JVM shares the database and the tokens like a second node; its
 * org-elasticsearch processor is paused for the test so that this node, behind the proxy, indexes.
 */
class ElasticsearchOutageTest {

    private static final int UNITS = 300;
    private static final int CLIENTS = 6;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void every_unit_reaches_the_index_after_elasticsearch_refused_connections_under_load() throws Exception {
        MarcServices.ServiceEndpoints services = MarcServices.forTests();
        try (TcpFaultProxy proxy = TcpFaultProxy.toUrl(services.elasticsearchUrl());
             ConfigurableApplicationContext app = new SpringApplicationBuilder(MarcApplication.class).run(
                     // loopback only: on shutdown Tomcat wakes its acceptor through the bound address, and for
                     // a wildcard bind it picks a non-loopback interface (seen by the outbound-connection check)
                     "--server.port=0", "--server.address=127.0.0.1", "--spring.profiles.active=local",
                     "--marc.security.dev-signer.issuer=marc-test", "--marc.demo-data.enabled=true",
                     "--spring.datasource.url=" + services.jdbcUrl(),
                     "--spring.datasource.username=" + services.dbUser(),
                     "--spring.datasource.password=" + services.dbPassword(),
                     "--marc.elasticsearch.url=" + proxy.url(),
                     "--marc.elasticsearch.index-prefix=" + ApiTestSupport.INDEX_PREFIX)) {
            assertThat(RunningContexts.ALL).as("the test-only context registry is scanned").contains(app);
            try (RunningContexts.Paused others = RunningContexts.pause(OrgSearchProjection.PROCESSING_GROUP, app)) {
                run(app, proxy);
            } finally {
                proxy.restore();
            }
        }
    }

    private void run(ConfigurableApplicationContext app, TcpFaultProxy proxy) throws Exception {
        JdbcClient jdbc = app.getBean(JdbcClient.class);
        SearchIndexes indexes = app.getBean(SearchIndexes.class);
        MeterRegistry meters = app.getBean(MeterRegistry.class);
        int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
        String token = app.getBean(DevTokenSigner.class).sign(DemoUsers.find("admin").orElseThrow());
        String root = jdbc.sql("SELECT id FROM org_unit WHERE parent_id IS NULL").query(String.class).single();
        String run = UUID.randomUUID().toString().substring(0, 8);
        // one unit under the root holds the load's units, so other tests' listings of the root barely change
        String parent = post(port, token, "mutation($input: CreateOrgUnitInput!) { createOrgUnit(input: $input) { id } }",
                Map.of("input", Map.of("parentId", root, "name", "Outage test " + run))).at("/data/createOrgUnit/id").asString();
        double transientBefore = transientFailures(meters);

        Set<String> created = ConcurrentHashMap.newKeySet();
        AtomicInteger next = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            running.add(clients.submit(() -> {
                for (int i = next.getAndIncrement(); i < UNITS; i = next.getAndIncrement()) {
                    JsonNode response = post(port, token, "mutation($input: CreateOrgUnitInput!) { createOrgUnit(input: $input) { id } }",
                            Map.of("input", Map.of("parentId", parent, "name", "Outage " + run + " unit " + i)));
                    created.add(response.at("/data/createOrgUnit/id").asString());
                }
                return null;
            }));
        }
        // mid-load: Elasticsearch refuses every connection for 10 s
        while (next.get() < UNITS / 3) {
            Thread.sleep(20);
        }
        proxy.refuse();
        int atRefusal = next.get();
        Thread.sleep(10_000);
        proxy.restore();
        int createdDuringOutage = next.get() - atRefusal;
        for (Future<?> f : running) {
            f.get();
        }
        clients.shutdown();
        assertThat(created).hasSize(UNITS);

        Instant restored = Instant.now();
        Instant deadline = restored.plus(Duration.ofMinutes(3));
        long indexed = 0;
        while (Instant.now().isBefore(deadline)) {
            indexed = indexed(indexes, created);
            if (indexed == UNITS) {
                break;
            }
            Thread.sleep(500);
        }
        double transientFailures = transientFailures(meters) - transientBefore;
        System.out.printf("Elasticsearch outage: %d units created while refused; %d of %d indexed %d ms after the load ended; "
                        + "%.0f transient batch failures retried%n", createdDuringOutage, indexed, UNITS,
                Duration.between(restored, Instant.now()).toMillis(), transientFailures);
        assertThat(createdDuringOutage).as("units created while Elasticsearch refused").isPositive();
        assertThat(indexed).as("units in the index after the outage").isEqualTo(UNITS);
        assertThat(jdbc.sql("SELECT count(*) FROM dead_letter_entry WHERE processing_group = ?")
                .param(OrgSearchProjection.PROCESSING_GROUP).query(Long.class).single())
                .as("dead letters in org-elasticsearch (transient failures are retried, not parked)").isZero();
        assertThat(transientFailures).as("the outage was met by this node's projection").isPositive();
    }

    private static double transientFailures(MeterRegistry meters) {
        var counter = meters.find("marc.projection.transient.failures").tag("group", OrgSearchProjection.PROCESSING_GROUP).counter();
        return counter == null ? 0 : counter.count();
    }

    /** Straight to Elasticsearch, not through the proxy. */
    private static long indexed(SearchIndexes indexes, Set<String> ids) throws Exception {
        return ProjectionRebuildTest.directElasticsearch().count(CountRequest.of(c -> c.index(indexes.orgUnits())
                .query(q -> q.ids(i -> i.values(List.copyOf(ids)))))).count();
    }

    private static JsonNode post(int port, String token, String query, Map<String, Object> variables) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("query", query, "variables", variables))))
                .build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        JsonNode body = JSON.readTree(response.body());
        if (response.statusCode() != 200 || body.has("errors")) {
            throw new AssertionError("HTTP " + response.statusCode() + ": " + response.body());
        }
        return body;
    }
}
