package ro.marc.query.assessment;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import ro.marc.query.search.FoldedTextIndex;

/**
 * The Elasticsearch index of the risk assessments ({@code <prefix>-assessments}): one document per assessment,
 * holding the folded texts of its four description lists, effects and causes, measures and indicators, and the
 * names of its risk, activity, work unit, structure and member, which a text search matches word by word.
 */
public class AssessmentIndex extends FoldedTextIndex {

    public AssessmentIndex(ElasticsearchClient client, String prefix) {
        super(client, prefix + "-assessments");
    }
}
