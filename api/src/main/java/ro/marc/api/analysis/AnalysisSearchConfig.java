package ro.marc.api.analysis;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import ro.marc.api.config.QuerySideConfig.SearchClient;
import ro.marc.query.analysis.AnalysisIndex;
import ro.marc.query.analysis.AnalysisSearch;
import ro.marc.query.analysis.AnalysisSearchProjection;

/** The activity analyses' Elasticsearch index, its projection and its search (as {@code QuerySideConfig} for the others). */
@Configuration(proxyBeanMethods = false)
public class AnalysisSearchConfig {

    /** Created (with a strict mapping) before any processor starts, so it is never auto-created. */
    @Bean
    AnalysisIndex analysisIndex(ElasticsearchClient client, @Value("${marc.elasticsearch.index-prefix}") String prefix) {
        AnalysisIndex index = new AnalysisIndex(client, prefix);
        index.ensureCreated();
        return index;
    }

    @Bean
    AnalysisSearchProjection analysisSearchProjection(AnalysisIndex index) {
        return new AnalysisSearchProjection(index);
    }

    @Bean
    AnalysisSearch analysisSearch(SearchClient searches, AnalysisIndex index) {
        return new AnalysisSearch(searches.client(), index);
    }
}
