package ro.marc.query.assessment;

import co.elastic.clients.elasticsearch.ElasticsearchClient;

import java.util.List;
import java.util.UUID;

/**
 * Full-text search of the assessments (index {@code <prefix>-assessments}, diacritics folded: "mita" finds
 * "mită"): every word must match, the last one as a prefix (as typed). Answers ids only; {@link AssessmentQueries}
 * filters them by reach and shows them.
 */
public class AssessmentSearch {

    /** At most this many matching ids are taken into a list. */
    static final int MAX_MATCHES = 5000;

    private final ElasticsearchClient client;
    private final AssessmentIndex index;

    public AssessmentSearch(ElasticsearchClient client, AssessmentIndex index) {
        this.client = client;
        this.index = index;
    }

    /** The ids of the assessments whose texts match {@code text} (at most a few thousand, best first). */
    public List<UUID> matching(String text) {
        return index.matching(client, text, MAX_MATCHES);
    }
}
