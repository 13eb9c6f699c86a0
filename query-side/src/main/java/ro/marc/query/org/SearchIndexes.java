package ro.marc.query.org;

import ro.marc.query.search.IndexLifecycle;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.mapping.DynamicMapping;
import co.elastic.clients.elasticsearch._types.mapping.TypeMapping;

import java.util.List;

/**
 * The Elasticsearch indexes of the organisation and their mappings. Text is searched through the
 * {@code nameFolded} field, which holds {@link ro.marc.events.text.RomanianText#fold folded} text:
 * the distribution we run has no asciifolding filter, so folding happens in Java on both sides.
 */
public class SearchIndexes {

    private final ElasticsearchClient client;
    private final String orgUnits;
    private final String workUnits;

    public SearchIndexes(ElasticsearchClient client, String prefix) {
        this.client = client;
        this.orgUnits = prefix + "-org-units";
        this.workUnits = prefix + "-work-units";
    }

    public String orgUnits() {
        return orgUnits;
    }

    public String workUnits() {
        return workUnits;
    }

    public List<String> all() {
        return List.of(orgUnits, workUnits);
    }

    /** Creates the indexes that do not exist yet; existing ones (and their documents) are kept. */
    public void ensureCreated() {
        create(orgUnits, TypeMapping.of(m -> namedDocument(m)
                .properties("parentId", p -> p.keyword(k -> k))
                .properties("ancestorIds", p -> p.keyword(k -> k))
                .properties("level", p -> p.integer(i -> i))
                .properties("county", p -> p.keyword(k -> k))
                .properties("active", p -> p.boolean_(b -> b))
                .properties("workUnitIds", p -> p.keyword(k -> k))));
        create(workUnits, TypeMapping.of(m -> namedDocument(m)
                .properties("retired", p -> p.boolean_(b -> b))));
    }

    /** Fields every searchable document has; strict, so a typo in a projection fails loudly. */
    private static TypeMapping.Builder namedDocument(TypeMapping.Builder mapping) {
        return mapping.dynamic(DynamicMapping.Strict)
                .properties("kind", p -> p.keyword(k -> k))
                .properties("id", p -> p.keyword(k -> k))
                .properties("name", p -> p.text(t -> t.fields("sort", f -> f.keyword(k -> k))))
                .properties("nameFolded", p -> p.text(t -> t))
                .properties("version", p -> p.long_(l -> l));
    }

    private void create(String index, TypeMapping mapping) {
        IndexLifecycle.createIfMissing(client, index, mapping);
    }

    /**
     * Deletes both indexes and creates them again, empty, with their mappings: before a replay from
     * the start (a rebuild). Delete-by-query is not available in the distribution we run.
     */
    public void recreate() {
        IndexLifecycle.delete(client, all());
        ensureCreated();
    }
}
