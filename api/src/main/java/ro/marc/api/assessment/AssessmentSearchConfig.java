package ro.marc.api.assessment;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import ro.marc.api.config.QuerySideConfig.SearchClient;
import ro.marc.query.assessment.AssessmentIndex;
import ro.marc.query.assessment.AssessmentSearch;
import ro.marc.query.assessment.AssessmentSearchProjection;
import tools.jackson.databind.json.JsonMapper;

/** The risk assessments' Elasticsearch index, its projection and its search (as {@code QuerySideConfig} for the others). */
@Configuration(proxyBeanMethods = false)
public class AssessmentSearchConfig {

    /** Created (with a strict mapping) before any processor starts, so it is never auto-created. */
    @Bean
    AssessmentIndex assessmentIndex(ElasticsearchClient client, @Value("${marc.elasticsearch.index-prefix}") String prefix) {
        AssessmentIndex index = new AssessmentIndex(client, prefix);
        index.ensureCreated();
        return index;
    }

    @Bean
    AssessmentSearchProjection assessmentSearchProjection(AssessmentIndex index, JdbcClient jdbc, JsonMapper json) {
        return new AssessmentSearchProjection(index, jdbc, json);
    }

    @Bean
    AssessmentSearch assessmentSearch(SearchClient searches, AssessmentIndex index) {
        return new AssessmentSearch(searches.client(), index);
    }
}
