package ro.marc.api.incident;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import ro.marc.api.config.QuerySideConfig.SearchClient;
import ro.marc.query.incident.ElasticsearchIncidentSearch;
import ro.marc.query.incident.IncidentIndex;
import ro.marc.query.incident.IncidentSearch;
import ro.marc.query.incident.IncidentSearchProjection;

/**
 * The integrity incidents' Elasticsearch index, its projection and its search (as {@code AnalysisSearchConfig}):
 * the search is a bean here rather than a scanned component because it runs on the searches' own client
 * ({@link SearchClient}, with the search timeout), which the query side does not know.
 */
@Configuration(proxyBeanMethods = false)
public class IncidentSearchConfig {

    /** Created (with a strict mapping) before any processor starts, so it is never auto-created. */
    @Bean
    IncidentIndex incidentIndex(ElasticsearchClient client, @Value("${marc.elasticsearch.index-prefix}") String prefix) {
        IncidentIndex index = new IncidentIndex(client, prefix);
        index.ensureCreated();
        return index;
    }

    @Bean
    IncidentSearchProjection incidentSearchProjection(IncidentIndex index) {
        return new IncidentSearchProjection(index);
    }

    @Bean
    IncidentSearch incidentSearch(SearchClient searches, IncidentIndex index) {
        return new ElasticsearchIncidentSearch(searches.client(), index);
    }
}
