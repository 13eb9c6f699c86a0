package ro.marc.api.config;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import co.elastic.clients.transport.rest5_client.Rest5ClientTransport;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import org.apache.hc.core5.util.Timeout;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import ro.marc.query.history.EventHistory;
import ro.marc.query.nomenclature.NomenclatureIndex;
import ro.marc.query.nomenclature.NomenclatureSearch;
import ro.marc.query.nomenclature.NomenclatureSearchProjection;
import ro.marc.query.org.OrgSearch;
import ro.marc.query.org.OrgSearchProjection;
import ro.marc.query.org.SearchIndexes;
import ro.marc.query.plan.PlanSearch;
import ro.marc.query.plan.PlanSearchIndex;
import ro.marc.query.plan.PlanSearchProjection;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.time.Duration;

/**
 * Elasticsearch clients and the query-side components that are not plain JDBC components.
 * <p>
 * Two clients, each with its own connection pool and timeouts (keys under {@code marc.elasticsearch}):
 * <ul>
 *   <li>the {@link ElasticsearchClient} bean, for the projections' writes and index management: it
 *       connects within {@code connect-timeout} and waits {@code write-timeout} for a pooled connection,
 *       for the response and on a silent socket (bulk writes under load are slow; a failed write is
 *       retried by its processor);</li>
 *   <li>the {@link SearchClient} bean, for the searches ({@link OrgSearch}, {@link NomenclatureSearch}):
 *       {@code search-timeout} for all three, so a stalled Elasticsearch fails a search well within
 *       {@code marc.graphql.request-timeout}. It is not an {@code ElasticsearchClient} bean, so injecting
 *       {@code ElasticsearchClient} by type stays unambiguous.</li>
 * </ul>
 * Without these the client waited up to 30 s for a pooled connection and for ever for a response.
 * (One client with per-request options for the searches was tried first: with a stalled Elasticsearch
 * the per-request response timeout did not apply and the search waited for the client's default, 30 s;
 * two clients are simple and proven by ElasticsearchTimeoutsTest.)
 */
@Configuration(proxyBeanMethods = false)
public class QuerySideConfig {

    /** The searches' own Elasticsearch client. */
    public record SearchClient(ElasticsearchClient client) implements AutoCloseable {
        @Override
        public void close() throws java.io.IOException {
            client.close();
        }
    }

    @Bean(destroyMethod = "close")
    ElasticsearchClient elasticsearchClient(@Value("${marc.elasticsearch.url}") String url,
                                            @Value("${marc.elasticsearch.connect-timeout:2s}") Duration connect,
                                            @Value("${marc.elasticsearch.write-timeout:30s}") Duration write) {
        return client(url, connect, write);
    }

    @Bean(destroyMethod = "close")
    SearchClient searchClient(@Value("${marc.elasticsearch.url}") String url,
                              @Value("${marc.elasticsearch.connect-timeout:2s}") Duration connect,
                              @Value("${marc.elasticsearch.search-timeout:5s}") Duration search) {
        return new SearchClient(client(url, connect, search));
    }

    /**
     * A client that connects within {@code connect} and waits at most {@code timeout} for a pooled
     * connection, for the response, and on a socket that stays silent.
     */
    public static ElasticsearchClient client(String url, Duration connect, Duration timeout) {
        Rest5Client rest = Rest5Client.builder(URI.create(url))
                .setConnectionConfigCallback(c -> c.setConnectTimeout(timeout(connect)).setSocketTimeout(timeout(timeout)))
                .setRequestConfigCallback(r -> r.setConnectionRequestTimeout(timeout(timeout)).setResponseTimeout(timeout(timeout)))
                .build();
        return new ElasticsearchClient(new Rest5ClientTransport(rest, new Jackson3JsonpMapper()));
    }

    private static Timeout timeout(Duration duration) {
        return Timeout.ofMilliseconds(duration.toMillis());
    }

    /** Created (with strict mappings) before any processor starts, so no index is ever auto-created. */
    @Bean
    SearchIndexes searchIndexes(ElasticsearchClient client, @Value("${marc.elasticsearch.index-prefix}") String prefix) {
        SearchIndexes indexes = new SearchIndexes(client, prefix);
        indexes.ensureCreated();
        return indexes;
    }

    @Bean
    OrgSearchProjection orgSearchProjection(ElasticsearchClient client, SearchIndexes indexes) {
        return new OrgSearchProjection(client, indexes);
    }

    @Bean
    OrgSearch orgSearch(SearchClient searches, SearchIndexes indexes) {
        return new OrgSearch(searches.client(), indexes);
    }

    @Bean
    NomenclatureIndex nomenclatureIndex(ElasticsearchClient client, @Value("${marc.elasticsearch.index-prefix}") String prefix) {
        NomenclatureIndex index = new NomenclatureIndex(client, prefix);
        index.ensureCreated();
        return index;
    }

    @Bean
    NomenclatureSearchProjection nomenclatureSearchProjection(ElasticsearchClient client, NomenclatureIndex index, JdbcClient jdbc) {
        return new NomenclatureSearchProjection(client, index, jdbc);
    }

    @Bean
    NomenclatureSearch nomenclatureSearch(SearchClient searches, NomenclatureIndex index) {
        return new NomenclatureSearch(searches.client(), index);
    }

    @Bean
    PlanSearchIndex planSearchIndex(ElasticsearchClient client, @Value("${marc.elasticsearch.index-prefix}") String prefix) {
        PlanSearchIndex index = new PlanSearchIndex(client, prefix);
        index.ensureCreated();
        return index;
    }

    @Bean
    PlanSearchProjection planSearchProjection(ElasticsearchClient client, PlanSearchIndex index) {
        return new PlanSearchProjection(client, index);
    }

    @Bean
    PlanSearch planSearch(SearchClient searches, PlanSearchIndex index) {
        return new PlanSearch(searches.client(), index);
    }

    @Bean
    EventHistory eventHistory(JdbcClient jdbc, JsonMapper json) {
        return new EventHistory(jdbc, json);
    }
}
