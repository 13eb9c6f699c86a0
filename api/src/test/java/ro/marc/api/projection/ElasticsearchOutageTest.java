package ro.marc.api.projection;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.CountRequest;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import ro.marc.api.support.ApiTestSupport;
import ro.marc.api.support.TcpFaultProxy;
import ro.marc.ops.services.MarcServices;
import ro.marc.query.search.OrgSearchProjection;
import ro.marc.query.search.SearchIndexes;

import java.io.IOException;
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
 * never reached the index, parked behind the first failure). The application reaches Elasticsearch
 * through a {@link TcpFaultProxy}.
 */
class ElasticsearchOutageTest extends ApiTestSupport {

    private static final int UNITS = 300;
    private static final int CLIENTS = 6;
    private static final TcpFaultProxy PROXY;

    static {
        try {
            PROXY = TcpFaultProxy.toUrl(MarcServices.forTests().elasticsearchUrl());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void elasticsearchThroughTheProxy(DynamicPropertyRegistry registry) {
        registry.add("marc.elasticsearch.url", PROXY::url);
    }

    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ElasticsearchClient elasticsearch;
    @Autowired
    SearchIndexes indexes;
    @Autowired
    MeterRegistry meters;

    private static final List<EventProcessor> PAUSED = new ArrayList<>();

    @AfterAll
    static void restore() {
        PROXY.restore();
        PAUSED.forEach(EventProcessor::start);
        PROXY.close();
    }

    @Test
    void every_unit_reaches_the_index_after_elasticsearch_refused_connections_under_load() throws Exception {
        // other application contexts of this test JVM are other "nodes" on the same tokens: this one must index
        for (ApplicationContext other : RunningContexts.ALL) {
            if (other != context && other.getParent() == null
                    && other instanceof org.springframework.context.ConfigurableApplicationContext running && running.isActive()) {
                other.getBean(EventProcessingConfiguration.class).eventProcessor(OrgSearchProjection.PROCESSING_GROUP)
                        .filter(EventProcessor::isRunning).ifPresent(p -> {
                            p.shutDown();
                            PAUSED.add(p);
                        });
            }
        }
        String parent = jdbc.sql("SELECT id FROM org_unit WHERE parent_id IS NULL").query(String.class).single();
        double transientBefore = transientFailures();

        Set<String> created = ConcurrentHashMap.newKeySet();
        AtomicInteger next = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> running = new ArrayList<>();
        String run = UUID.randomUUID().toString().substring(0, 8);
        for (int c = 0; c < CLIENTS; c++) {
            running.add(clients.submit(() -> {
                for (int i = next.getAndIncrement(); i < UNITS; i = next.getAndIncrement()) {
                    String id = UUID.randomUUID().toString();
                    var response = data("admin", "mutation($input: CreateOrgUnitInput!) { createOrgUnit(input: $input) { id } }",
                            Map.of("input", Map.of("id", id, "parentId", parent, "name", "Outage " + run + " unit " + i)));
                    created.add(response.at("/createOrgUnit/id").asString());
                }
                return null;
            }));
        }
        // mid-load: Elasticsearch refuses every connection for 10 s
        while (next.get() < UNITS / 3) {
            Thread.sleep(50);
        }
        PROXY.refuse();
        Instant refusedAt = Instant.now();
        Thread.sleep(10_000);
        PROXY.restore();
        int createdDuringOutage = next.get() - UNITS / 3;
        for (Future<?> f : running) {
            f.get();
        }
        clients.shutdown();
        assertThat(created).hasSize(UNITS);
        System.out.printf("Elasticsearch outage: refused for %d ms; about %d units created during it%n",
                Duration.between(refusedAt, Instant.now()).toMillis(), createdDuringOutage);

        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        long indexed = 0;
        while (Instant.now().isBefore(deadline)) {
            indexed = indexed(created);
            if (indexed == UNITS) {
                break;
            }
            Thread.sleep(500);
        }
        System.out.printf("Elasticsearch outage: %d of %d units indexed after restore%n", indexed, UNITS);
        assertThat(indexed).as("units in the index after the outage").isEqualTo(UNITS);
        assertThat(jdbc.sql("SELECT count(*) FROM dead_letter_entry WHERE processing_group = ?")
                .param(OrgSearchProjection.PROCESSING_GROUP).query(Long.class).single())
                .as("dead letters in org-elasticsearch (transient failures are retried, not parked)").isZero();
        assertThat(transientFailures()).as("the outage was seen by this node's projection").isGreaterThan(transientBefore);
    }

    private double transientFailures() {
        var counter = meters.find("marc.projection.transient.failures").tag("group", OrgSearchProjection.PROCESSING_GROUP).counter();
        return counter == null ? 0 : counter.count();
    }

    private long indexed(Set<String> ids) throws IOException {
        // straight to Elasticsearch (not through the proxy)
        return ProjectionRebuildTest.directElasticsearch().count(CountRequest.of(c -> c.index(indexes.orgUnits())
                .query(q -> q.ids(i -> i.values(List.copyOf(ids)))))).count();
    }
}
