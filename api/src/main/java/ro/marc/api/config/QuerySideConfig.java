package ro.marc.api.config;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
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

/** Elasticsearch client and the query-side components that are not plain JDBC components. */
@Configuration(proxyBeanMethods = false)
public class QuerySideConfig {

    @Bean(destroyMethod = "close")
    ElasticsearchClient elasticsearchClient(@Value("${marc.elasticsearch.url}") String url) {
        return ElasticsearchClient.of(b -> b.host(url).jsonMapper(new Jackson3JsonpMapper()));
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
    OrgSearch orgSearch(ElasticsearchClient client, SearchIndexes indexes) {
        return new OrgSearch(client, indexes);
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
    NomenclatureSearch nomenclatureSearch(ElasticsearchClient client, NomenclatureIndex index) {
        return new NomenclatureSearch(client, index);
    }

    @Bean
    EventHistory eventHistory(JdbcClient jdbc, JsonMapper json) {
        return new EventHistory(jdbc, json);
    }
}
