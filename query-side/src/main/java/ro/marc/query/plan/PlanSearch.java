package ro.marc.query.plan;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.TextQueryType;
import co.elastic.clients.elasticsearch.core.search.Hit;
import ro.marc.events.plan.PlanStatus;
import ro.marc.events.text.RomanianText;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Plans whose purpose matches words (diacritics optional: "evaluarea riscurilor de coruptie" finds
 * "Evaluarea riscurilor de corupție"; the last word may be a prefix), best first. The caller's reach is
 * applied afterwards by {@link PlanQueries#plans} (the index does not hold the org tree); at most
 * {@link #MAX_MATCHES} plans are considered.
 */
public class PlanSearch {

    public static final int MAX_MATCHES = 1000;

    private final ElasticsearchClient client;
    private final PlanSearchIndex index;

    public PlanSearch(ElasticsearchClient client, PlanSearchIndex index) {
        this.client = client;
        this.index = index;
    }

    public List<UUID> matching(String text, UUID orgUnitId, PlanStatus status) {
        String folded = RomanianText.fold(text == null ? "" : text.strip());
        Query query = Query.of(q -> q.bool(b -> {
            if (folded.isEmpty()) {
                b.must(m -> m.matchAll(a -> a));
            } else {
                b.must(m -> m.multiMatch(mm -> mm.query(folded).fields("nameFolded").type(TextQueryType.BoolPrefix)
                        .operator(Operator.And)));
            }
            if (orgUnitId != null) {
                b.filter(f -> f.term(t -> t.field("orgUnitId").value(orgUnitId.toString())));
            }
            if (status != null) {
                b.filter(f -> f.term(t -> t.field("status").value(status.name())));
            }
            return b;
        }));
        try {
            var response = client.search(s -> s.index(index.name()).query(query).size(MAX_MATCHES)
                    .sort(o -> o.score(sc -> sc)).sort(o -> o.field(f -> f.field("name.sort")))
                    .source(src -> src.fetch(false)), java.util.Map.class);
            List<UUID> ids = new ArrayList<>();
            for (@SuppressWarnings("rawtypes") Hit<java.util.Map> hit : response.hits().hits()) {
                ids.add(UUID.fromString(hit.id()));
            }
            return ids;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
