package ro.marc.query.analysis;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import ro.marc.events.text.RomanianText;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Text search over the analyses' activity and task names, diacritics folded ("achizitii" finds
 * "Achiziții"): every word must match, the last one as a prefix (as typed). Answers ids only; {@link AnalysisQueries} filters and shows them.
 */
public class AnalysisSearch {

    /** At most this many matching ids are taken into a list. */
    static final int MAX_MATCHES = 5000;

    private final ElasticsearchClient client;
    private final AnalysisIndex index;

    public AnalysisSearch(ElasticsearchClient client, AnalysisIndex index) {
        this.client = client;
        this.index = index;
    }

    /** The ids of the analyses whose names match every word of {@code text}. */
    @SuppressWarnings("rawtypes")
    public List<UUID> matching(String text) {
        String folded = RomanianText.fold(text == null ? "" : text.strip());
        if (folded.isBlank()) {
            return List.of();
        }
        try {
            var response = client.search(s -> s.index(index.name()).size(MAX_MATCHES).source(src -> src.fetch(false))
                    .query(q -> q.matchBoolPrefix(m -> m.field(AnalysisIndex.TEXT_FOLDED).query(folded).operator(Operator.And))),
                    Map.class);
            return response.hits().hits().stream().map(h -> UUID.fromString(h.id())).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
