package ro.marc.query.org;

import ro.marc.query.search.Highlights;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.TextQueryType;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.elasticsearch.core.search.HighlightField;
import co.elastic.clients.elasticsearch.core.search.HighlighterEncoder;
import co.elastic.clients.util.NamedValue;
import ro.marc.events.text.RomanianText;
import ro.marc.query.common.Cursor;
import ro.marc.query.common.OrgScope;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Full-text search over org units and work units, with folded diacritics and highlights. */
public class OrgSearch {

    private static final int MAX_WINDOW = 10_000;

    private final ElasticsearchClient client;
    private final SearchIndexes indexes;

    public OrgSearch(ElasticsearchClient client, SearchIndexes indexes) {
        this.client = client;
        this.indexes = indexes;
    }

    /**
     * Searches within a scope: org units outside it are excluded inside the Elasticsearch query (so
     * totals and pages never count them); catalogue work units are national and always searchable.
     */
    public SearchResult search(String text, SearchFilters filters, OrgScope scope, int first, String after) {
        int offset = after == null ? 0 : Cursor.offset(after, Cursor.decode(after, 1)[0]);
        if (offset + first > MAX_WINDOW) {
            throw new IllegalArgumentException("Search pages end at result " + MAX_WINDOW + "; narrow the search");
        }
        String folded = RomanianText.fold(text == null ? "" : text.strip());
        Query query = Query.of(q -> q.bool(b -> {
            if (folded.isEmpty()) {
                b.must(m -> m.matchAll(a -> a));
            } else {
                // every word must match; the last one may be a prefix (search-as-you-type)
                b.must(m -> m.multiMatch(mm -> mm.query(folded).fields("nameFolded").type(TextQueryType.BoolPrefix)
                        .operator(Operator.And)));
            }
            filters(filters).forEach(b::filter);
            if (!scope.national()) {
                b.filter(scopeFilter(scope));
            }
            return b;
        }));
        try {
            var response = client.search(s -> s.index(indexes.all()).query(query).from(offset).size(first + 1)
                    .trackTotalHits(t -> t.enabled(true))
                    .sort(o -> o.score(sc -> sc)).sort(o -> o.field(f -> f.field("name.sort")))
                    .highlight(h -> h.fields(NamedValue.of("nameFolded", HighlightField.of(f -> f.numberOfFragments(0))))
                            .preTags(Highlights.OPEN).postTags(Highlights.CLOSE).encoder(HighlighterEncoder.Html)), Map.class);
            List<Hit<Map>> hits = response.hits().hits();
            boolean more = hits.size() > first;
            List<SearchHit> results = new ArrayList<>();
            List<String> cursors = new ArrayList<>();
            for (int i = 0; i < Math.min(first, hits.size()); i++) {
                results.add(toHit(hits.get(i)));
                cursors.add(Cursor.encode(String.valueOf(offset + i + 1)));
            }
            long total = response.hits().total() == null ? results.size() : response.hits().total().value();
            return new SearchResult(results, cursors, total, more);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Query> filters(SearchFilters f) {
        List<Query> filters = new ArrayList<>();
        if (f.kinds() != null && !f.kinds().isEmpty()) {
            filters.add(Query.of(q -> q.terms(t -> t.field("kind")
                    .terms(v -> v.value(f.kinds().stream().map(FieldValue::of).toList())))));
        }
        if (f.county() != null) {
            filters.add(term("county", f.county()));
        }
        if (f.workUnitId() != null) {
            filters.add(term("workUnitIds", f.workUnitId()));
        }
        if (f.level() != null) {
            filters.add(Query.of(q -> q.term(t -> t.field("level").value(f.level()))));
        }
        if (f.withinOrgUnit() != null) {
            filters.add(Query.of(q -> q.bool(b -> b.should(term("ancestorIds", f.withinOrgUnit()))
                    .should(term("id", f.withinOrgUnit())).minimumShouldMatch("1"))));
        }
        if (!f.includeInactive()) {
            // org units must be active, work units not retired; each kind lacks the other's field
            filters.add(Query.of(q -> q.bool(b -> b
                    .mustNot(m -> m.term(t -> t.field("active").value(false)))
                    .mustNot(m -> m.term(t -> t.field("retired").value(true))))));
        }
        return filters;
    }

    /** Work units, or org units in one of the scope's counties, units or subtrees. */
    private static Query scopeFilter(OrgScope scope) {
        List<Query> any = new ArrayList<>();
        any.add(term("kind", "WORK_UNIT"));
        if (!scope.counties().isEmpty()) {
            any.add(terms("county", scope.counties()));
        }
        List<String> units = new ArrayList<>(scope.units().stream().map(Object::toString).toList());
        List<String> subtreeRoots = scope.subtreePaths().stream().map(OrgSearch::lastId).toList();
        units.addAll(subtreeRoots);
        if (!units.isEmpty()) {
            any.add(terms("id", units));
        }
        if (!subtreeRoots.isEmpty()) {
            any.add(terms("ancestorIds", subtreeRoots));
        }
        return Query.of(q -> q.bool(b -> b.should(any).minimumShouldMatch("1")));
    }

    /** The unit a materialised path '/a/b/c/' ends with: c. */
    private static String lastId(String path) {
        String[] parts = path.split("/");
        return parts[parts.length - 1];
    }

    private static Query terms(String field, java.util.Collection<String> values) {
        return Query.of(q -> q.terms(t -> t.field(field).terms(v -> v.value(values.stream().map(FieldValue::of).toList()))));
    }

    private static Query term(String field, String value) {
        return Query.of(q -> q.term(t -> t.field(field).value(value)));
    }

    @SuppressWarnings("rawtypes")
    private static SearchHit toHit(Hit<Map> hit) {
        Map source = hit.source();
        String name = (String) source.get("name");
        List<String> highlight = hit.highlight().get("nameFolded");
        String highlighted = highlight == null || highlight.isEmpty() ? Highlights.escape(name)
                : Highlights.onOriginal(name, highlight.getFirst());
        return new SearchHit((String) source.get("kind"), (String) source.get("id"), name, highlighted,
                hit.score() == null ? 0 : hit.score(), (Integer) source.get("level"), (String) source.get("county"),
                (Boolean) source.get("active"), (String) source.get("parentId"));
    }
}
