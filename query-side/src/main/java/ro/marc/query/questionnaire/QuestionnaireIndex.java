package ro.marc.query.questionnaire;

import ro.marc.query.search.IndexLifecycle;
import co.elastic.clients.elasticsearch.ElasticsearchClient;

import co.elastic.clients.elasticsearch._types.mapping.DynamicMapping;
import co.elastic.clients.elasticsearch._types.mapping.TypeMapping;

/**
 * The Elasticsearch index of the questionnaire answers ({@code <prefix>-questionnaire-answers}): one document
 * per answer ({@link QuestionnaireAnswerDocument}), strict mapping; text searched folded, as the nomenclature.
 */
public class QuestionnaireIndex {

    private final ElasticsearchClient client;
    private final String name;

    public QuestionnaireIndex(ElasticsearchClient client, String prefix) {
        this.client = client;
        this.name = prefix + "-questionnaire-answers";
    }

    public String name() {
        return name;
    }

    /** Creates the index when it does not exist yet; an existing one (and its documents) is kept. */
    public void ensureCreated() {
        TypeMapping mapping = TypeMapping.of(m -> m.dynamic(DynamicMapping.Strict)
                .properties("id", p -> p.keyword(k -> k))
                .properties("planId", p -> p.keyword(k -> k))
                .properties("orgUnitId", p -> p.keyword(k -> k))
                .properties("respondentUserId", p -> p.keyword(k -> k))
                .properties("respondentName", p -> p.keyword(k -> k.index(false).docValues(false)))
                .properties("textFolded", p -> p.text(t -> t))
                .properties("version", p -> p.long_(l -> l)));
        IndexLifecycle.createIfMissing(client, name, mapping);
    }

    /** Deletes and creates the index, empty (a rebuild). */
    public void recreate() {
        IndexLifecycle.delete(client, name);
        ensureCreated();
    }
}
