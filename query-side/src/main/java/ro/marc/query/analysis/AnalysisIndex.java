package ro.marc.query.analysis;

import ro.marc.query.search.IndexLifecycle;
import co.elastic.clients.elasticsearch.ElasticsearchClient;

import co.elastic.clients.elasticsearch._types.mapping.DynamicMapping;
import co.elastic.clients.elasticsearch._types.mapping.TypeMapping;

/**
 * The Elasticsearch index of the activity analyses ({@code <prefix>-analysis}): one document per analysis,
 * holding the folded names of its activities and tasks ({@link ro.marc.events.text.RomanianText#fold}, as
 * the nomenclature's index), which a text search matches word by word. Everything else (filters, reach,
 * what is shown) is the PostgreSQL read model's. The mapping is strict.
 */
public class AnalysisIndex {

    public static final String ID = "id";
    public static final String TEXT_FOLDED = "textFolded";

    private final ElasticsearchClient client;
    private final String name;

    public AnalysisIndex(ElasticsearchClient client, String prefix) {
        this.client = client;
        this.name = prefix + "-analysis";
    }

    public String name() {
        return name;
    }

    /** Creates the index when it does not exist yet; an existing one (and its documents) is kept. */
    public void ensureCreated() {
        TypeMapping mapping = TypeMapping.of(m -> m.dynamic(DynamicMapping.Strict)
                .properties(ID, p -> p.keyword(k -> k))
                .properties(TEXT_FOLDED, p -> p.text(t -> t)));
        IndexLifecycle.createIfMissing(client, name, mapping);
    }

    /** Deletes the index (a rebuild: reset the processing group's token and replay). */
    public void delete() {
        IndexLifecycle.delete(client, name);
    }
}
