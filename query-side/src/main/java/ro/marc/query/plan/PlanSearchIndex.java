package ro.marc.query.plan;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.mapping.DynamicMapping;
import co.elastic.clients.elasticsearch._types.mapping.TypeMapping;

import java.io.IOException;
import java.io.UncheckedIOException;

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
        try {
            if (!client.indices().exists(e -> e.index(name)).value()) {
                client.indices().create(c -> c.index(name).mappings(mapping)
                        .settings(s -> s.numberOfShards("1").numberOfReplicas("0").refreshInterval(t -> t.time("1s"))));
            }
        } catch (ElasticsearchException e) {
            if (!"resource_already_exists_exception".equals(e.error().type())) {
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes the index and creates it again, empty (before a replay from the start). */
    public void recreate() {
        try {
            client.indices().delete(d -> d.index(name).ignoreUnavailable(true));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ensureCreated();
    }
}
