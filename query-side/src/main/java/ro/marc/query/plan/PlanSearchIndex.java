package ro.marc.query.plan;

import ro.marc.query.search.IndexLifecycle;
import co.elastic.clients.elasticsearch.ElasticsearchClient;

import co.elastic.clients.elasticsearch._types.mapping.DynamicMapping;
import co.elastic.clients.elasticsearch._types.mapping.TypeMapping;

/**
 * The Elasticsearch index of the plans ({@code <prefix>-plans}), with the organisation's and the nomenclature's
 * settings: a strict mapping, the purpose searched through {@code nameFolded}, which holds
 * {@link ro.marc.events.text.RomanianText#fold folded} text (folding happens in Java on both sides, as for
 * the other indexes: the distribution we run has no asciifolding filter).
 */
public class PlanSearchIndex {

    private final ElasticsearchClient client;
    private final String name;

    public PlanSearchIndex(ElasticsearchClient client, String prefix) {
        this.client = client;
        this.name = prefix + "-plans";
    }

    public String name() {
        return name;
    }

    /** Creates the index when it does not exist yet; an existing one (and its documents) is kept. */
    public void ensureCreated() {
        TypeMapping mapping = TypeMapping.of(m -> m.dynamic(DynamicMapping.Strict)
                .properties("kind", p -> p.keyword(k -> k))
                .properties("id", p -> p.keyword(k -> k))
                .properties("name", p -> p.text(t -> t.fields("sort", f -> f.keyword(k -> k.ignoreAbove(1024)))))
                .properties("nameFolded", p -> p.text(t -> t))
                .properties("orgUnitId", p -> p.keyword(k -> k))
                .properties("status", p -> p.keyword(k -> k))
                .properties("version", p -> p.long_(l -> l)));
        IndexLifecycle.createIfMissing(client, name, mapping);
    }

    /** Deletes the index and creates it again, empty (before a replay from the start). */
    public void recreate() {
        IndexLifecycle.delete(client, name);
        ensureCreated();
    }
}
