package ro.marc.query.questionnaire;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.TextQueryType;
import co.elastic.clients.elasticsearch.core.search.Hit;
import ro.marc.events.text.RomanianText;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.UUID;

/**
 * Finds questionnaire answers by text (the respondent's name and their answers), diacritics folded: every
 * word must occur, the last one as a prefix. Returns the matching answer ids, best first; the caller reads
 * them from PostgreSQL within its reach ({@link QuestionnaireQueries#answersByIds}).
 */
public class QuestionnaireSearch {

    public static final int MAX_HITS = 500;

    private final ElasticsearchClient client;
    private final QuestionnaireIndex index;

    public QuestionnaireSearch(ElasticsearchClient client, QuestionnaireIndex index) {
        this.client = client;
        this.index = index;
    }

    /** The ids of the answers matching {@code text}, under {@code planId} when given. */
    public List<UUID> search(String text, UUID planId) {
        String folded = text == null ? "" : RomanianText.fold(text.strip());
        if (folded.isEmpty()) {
            return List.of();
        }
        try {
            var response = client.search(s -> s.index(index.name()).size(MAX_HITS).source(src -> src.fetch(false))
                    .query(q -> q.bool(b -> {
                        b.must(m -> m.multiMatch(mm -> mm.query(folded).fields("textFolded").type(TextQueryType.BoolPrefix)
                                .operator(Operator.And)));
                        if (planId != null) {
                            b.filter(f -> f.term(t -> t.field("planId").value(planId.toString())));
                        }
                        return b;
                    })), Void.class);
            return response.hits().hits().stream().map(Hit::id).map(UUID::fromString).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
