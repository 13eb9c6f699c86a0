package ro.marc.api.questionnaire;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import ro.marc.api.config.QuerySideConfig.SearchClient;
import ro.marc.query.questionnaire.QuestionnaireIndex;
import ro.marc.query.questionnaire.QuestionnaireSearch;
import ro.marc.query.questionnaire.QuestionnaireSearchProjection;

/** The questionnaire answers' Elasticsearch index, its projection and its search (see QuerySideConfig for the clients). */
@Configuration(proxyBeanMethods = false)
public class QuestionnaireSearchConfig {

    /** Created (strict mapping) before any processor starts, so the index is never auto-created. */
    @Bean
    QuestionnaireIndex questionnaireIndex(ElasticsearchClient client, @Value("${marc.elasticsearch.index-prefix}") String prefix) {
        QuestionnaireIndex index = new QuestionnaireIndex(client, prefix);
        index.ensureCreated();
        return index;
    }

    @Bean
    QuestionnaireSearchProjection questionnaireSearchProjection(ElasticsearchClient client, QuestionnaireIndex index) {
        return new QuestionnaireSearchProjection(client, index);
    }

    @Bean
    QuestionnaireSearch questionnaireSearch(SearchClient searches, QuestionnaireIndex index) {
        return new QuestionnaireSearch(searches.client(), index);
    }
}
