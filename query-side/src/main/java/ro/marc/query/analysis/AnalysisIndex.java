package ro.marc.query.analysis;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import ro.marc.query.search.FoldedTextIndex;

/**
 * The Elasticsearch index of the activity analyses ({@code <prefix>-analysis}): one document per analysis,
 * holding the folded names of its activities and tasks, which a text search matches word by word.
 */
public class AnalysisIndex extends FoldedTextIndex {

    public AnalysisIndex(ElasticsearchClient client, String prefix) {
        super(client, prefix + "-analysis");
    }
}
