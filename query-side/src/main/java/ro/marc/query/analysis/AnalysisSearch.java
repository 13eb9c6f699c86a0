package ro.marc.query.analysis;

import co.elastic.clients.elasticsearch.ElasticsearchClient;

import java.util.List;
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
    public List<UUID> matching(String text) {
        return index.matching(client, text, MAX_MATCHES);
    }
}
