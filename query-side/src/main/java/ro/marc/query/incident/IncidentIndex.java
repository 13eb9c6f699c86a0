package ro.marc.query.incident;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.mapping.DynamicMapping;
import co.elastic.clients.elasticsearch._types.mapping.TypeMapping;
import ro.marc.query.search.IndexLifecycle;

/**
 * The Elasticsearch index of the integrity incidents ({@code <prefix>-incidents}): one document per incident,
 * holding its title and content {@link ro.marc.events.text.RomanianText#fold folded} (folding happens in Java on
 * both sides, as for the other indexes: the distribution we run has no asciifolding filter), which a text search
 * matches word by word. Everything else (filters, visibility, archived or not, what is shown) is the PostgreSQL
 * read model's. The mapping is strict.
 */
public class IncidentIndex {

    public static final String ID = "id";
    public static final String TEXT_FOLDED = "textFolded";

    private final ElasticsearchClient client;
    private final String name;

    public IncidentIndex(ElasticsearchClient client, String prefix) {
        this.client = client;
        this.name = prefix + "-incidents";
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
