package ro.marc.query.questionnaire;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.mapping.DynamicMapping;
import co.elastic.clients.elasticsearch._types.mapping.TypeMapping;

import java.io.IOException;
import java.io.UncheckedIOException;

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
        try {
            if (!client.indices().exists(e -> e.index(name)).value()) {
                client.indices().create(c -> c.index(name).mappings(mapping)
                        .settings(s -> s.numberOfShards("1").numberOfReplicas("0").refreshInterval(t -> t.time("1s"))));
            }
        } catch (ElasticsearchException e) {
            if (!"resource_already_exists_exception".equals(e.error().type())) {
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes and creates the index, empty (a rebuild). */
    public void recreate() {
        try {
            client.indices().delete(d -> d.index(name).ignoreUnavailable(true));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ensureCreated();
    }
}
