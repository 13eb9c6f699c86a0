package ro.marc.query.incident;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import ro.marc.query.search.FoldedTextIndex;

/**
 * The Elasticsearch index of the integrity incidents ({@code <prefix>-incidents}): one document per incident,
 * holding its title and content folded, which a text search matches word by word.
 */
public class IncidentIndex extends FoldedTextIndex {

    public IncidentIndex(ElasticsearchClient client, String prefix) {
        super(client, prefix + "-incidents");
    }
}
