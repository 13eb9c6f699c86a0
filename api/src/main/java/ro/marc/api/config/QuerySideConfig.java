package ro.marc.api.config;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import co.elastic.clients.transport.rest5_client.Rest5ClientOptions;
import co.elastic.clients.transport.rest5_client.Rest5ClientTransport;
import co.elastic.clients.transport.rest5_client.low_level.RequestOptions;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.core5.util.Timeout;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import ro.marc.query.history.EventHistory;
import ro.marc.query.search.NomenclatureIndex;
import ro.marc.query.search.NomenclatureSearch;
import ro.marc.query.search.NomenclatureSearchProjection;
import ro.marc.query.search.OrgSearch;
import ro.marc.query.search.OrgSearchProjection;
import ro.marc.query.search.SearchIndexes;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.time.Duration;

/**
 * Elasticsearch client and the query-side components that are not plain JDBC components.
 * <p>
 * One client (one connection pool), two sets of timeouts (keys under {@code marc.elasticsearch}):
 * <ul>
 *   <li>every call: connecting at most {@code connect-timeout}; the projections' writes and index
 *       management wait {@code write-timeout} for a free connection and for the response (bulk writes
 *       under load are slow, and a failed write is retried by the processor anyway);</li>
 *   <li>searches ({@link OrgSearch}, {@link NomenclatureSearch}) use the same client with per-request
 *       options: {@code search-timeout} for the response and as much for a pooled connection, so a
 *       stalled Elasticsearch fails a search well within {@code marc.graphql.request-timeout}.</li>
 * </ul>
 * Without these the client waited up to 30 s for a pooled connection and for ever for a response.
 */
@Configuration(proxyBeanMethods = false)
public class QuerySideConfig {

    @Bean(destroyMethod = "close")
    ElasticsearchClient elasticsearchClient(@Value("${marc.elasticsearch.url}") String url,
                                            @Value("${marc.elasticsearch.connect-timeout:2s}") Duration connect,
                                            @Value("${marc.elasticsearch.write-timeout:30s}") Duration write) {
        return client(url, connect, write);
    }

    /** The client with MARC's timeouts: connecting at most {@code connect}, writes and pool waits {@code write}. */
    public static ElasticsearchClient client(String url, Duration connect, Duration write) {
        Rest5Client rest = Rest5Client.builder(URI.create(url))
                .setConnectionConfigCallback(c -> c.setConnectTimeout(timeout(connect)).setSocketTimeout(timeout(write)))
                .setRequestConfigCallback(r -> r.setConnectionRequestTimeout(timeout(write)).setResponseTimeout(timeout(write)))
                .build();
        return new ElasticsearchClient(new Rest5ClientTransport(rest, new Jackson3JsonpMapper()));
    }

    /** The same client (and pool), with the searches' shorter timeouts on every request. */
    static ElasticsearchClient forSearches(ElasticsearchClient client, Duration search) {
        Rest5ClientOptions defaults = Rest5ClientOptions.of(client._transportOptions());
        RequestOptions.Builder options = defaults.restClientRequestOptions().toBuilder()
                .setRequestConfig(RequestConfig.custom()
                        .setConnectionRequestTimeout(timeout(search))
                        .setResponseTimeout(timeout(search))
                        .build());
        return client.withTransportOptions(new Rest5ClientOptions(options.build(), defaults.keepResponseBodyOnException()));
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
    OrgSearch orgSearch(ElasticsearchClient client, SearchIndexes indexes,
                        @Value("${marc.elasticsearch.search-timeout:5s}") Duration search) {
        return new OrgSearch(forSearches(client, search), indexes);
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
    NomenclatureSearch nomenclatureSearch(ElasticsearchClient client, NomenclatureIndex index,
                                          @Value("${marc.elasticsearch.search-timeout:5s}") Duration search) {
        return new NomenclatureSearch(forSearches(client, search), index);
    }

    @Bean
    EventHistory eventHistory(JdbcClient jdbc, JsonMapper json) {
        return new EventHistory(jdbc, json);
    }
}
