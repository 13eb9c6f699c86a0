package ro.marc.query.nomenclature;

import ro.marc.query.search.Highlights;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.TextQueryType;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.HighlightField;
import co.elastic.clients.elasticsearch.core.search.HighlighterEncoder;
import co.elastic.clients.util.NamedValue;
import ro.marc.events.nomenclature.ItemStatus;
import ro.marc.events.text.RomanianText;
import ro.marc.query.common.Cursor;
import ro.marc.query.common.InvalidCursor;
import ro.marc.query.nomenclature.ProposalVisibility;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.*;

import static ro.marc.query.nomenclature.NomenclatureIndex.*;

/**
 * Advanced search over every catalogue of the nomenclature (change request G01): activities, tasks,
 * documents, risks and regulatory causes (and, when asked, domains), with folded full text, filters,
 * facets, sorts and keyset paging ({@code search_after}).
 *
 * <p>Who sees what is part of the Elasticsearch query ({@link ProposalVisibility}), so totals, pages
 * and facets never count entries the caller may not see. Facets are disjunctive: the facet of a field
 * ignores that field's own filter (the other filters, the text and the visibility apply), so the
 * client can show the other values one could switch to; hits and the total respect every filter.
 */
public class NomenclatureSearch {

    public static final int MAX_TEXT = 200;
    public static final int MAX_FIRST = 100;
    public static final int ACTIVITY_FACET_SIZE = 20;
    public static final Set<String> KINDS = Set.of("ACTIVITY", "TASK", "DOCUMENT", "RISK", KIND_CAUSE, KIND_DOMAIN);
    /** Statuses searched when the query names none: rejected and inactive entries only when asked for. */
    public static final List<ItemStatus> DEFAULT_STATUSES = List.of(ItemStatus.APPROVED, ItemStatus.PROPOSED);

    public enum Sort {
        RELEVANCE, NAME_ASC, NAME_DESC, WORK_UNIT_ASC, WORK_UNIT_DESC, ACTIVITY_ASC, ACTIVITY_DESC
    }

    /**
     * A search. Null or empty lists mean "no restriction", except {@code statuses}: none means
     * {@link #DEFAULT_STATUSES}. {@code sort} null: relevance when there is text, else by name.
     * {@code after}: a hit's {@code cursor} (or the result's {@code endCursor}) of the same sort.
     *
     * @param workUnitIds entries of any of these work units
     * @param activityId  the activity itself and everything under it (tasks, documents, risks, causes)
     * @param taskId      the task itself and its documents
     * @param createdFrom inclusive
     * @param createdTo   exclusive
     */
    public record NomenclatureQuery(String text, List<String> kinds, List<String> workUnitIds, String activityId,
                                    String taskId, String domainId, List<ItemStatus> statuses, String proposerUserId,
                                    Instant createdFrom, Instant createdTo, Sort sort, int first, String after) {

        public NomenclatureQuery {
            kinds = kinds == null ? List.of() : List.copyOf(kinds);
            workUnitIds = workUnitIds == null ? List.of() : List.copyOf(workUnitIds);
            statuses = statuses == null ? List.of() : List.copyOf(statuses);
        }

        public static Builder builder() {
            return new Builder();
        }

        public static NomenclatureQuery text(String text) {
            return builder().text(text).build();
        }

        public Builder toBuilder() {
            Builder b = new Builder();
            b.text = text;
            b.kinds = kinds;
            b.workUnitIds = workUnitIds;
            b.activityId = activityId;
            b.taskId = taskId;
            b.domainId = domainId;
            b.statuses = statuses;
            b.proposerUserId = proposerUserId;
            b.createdFrom = createdFrom;
            b.createdTo = createdTo;
            b.sort = sort;
            b.first = first;
            b.after = after;
            return b;
        }

        public static final class Builder {
            private String text;
            private List<String> kinds;
            private List<String> workUnitIds;
            private String activityId;
            private String taskId;
            private String domainId;
            private List<ItemStatus> statuses;
            private String proposerUserId;
            private Instant createdFrom;
            private Instant createdTo;
            private Sort sort;
            private int first = 20;
            private String after;

            private Builder() {
            }

            public Builder text(String text) { this.text = text; return this; }
            public Builder kinds(String... kinds) { this.kinds = List.of(kinds); return this; }
            public Builder kinds(List<String> kinds) { this.kinds = kinds; return this; }
            public Builder workUnitIds(String... ids) { this.workUnitIds = List.of(ids); return this; }
            public Builder workUnitIds(List<String> ids) { this.workUnitIds = ids; return this; }
            public Builder activityId(String id) { this.activityId = id; return this; }
            public Builder taskId(String id) { this.taskId = id; return this; }
            public Builder domainId(String id) { this.domainId = id; return this; }
            public Builder statuses(ItemStatus... statuses) { this.statuses = List.of(statuses); return this; }
            public Builder statuses(List<ItemStatus> statuses) { this.statuses = statuses; return this; }
            public Builder proposerUserId(String id) { this.proposerUserId = id; return this; }
            public Builder createdFrom(Instant at) { this.createdFrom = at; return this; }
            public Builder createdTo(Instant at) { this.createdTo = at; return this; }
            public Builder sort(Sort sort) { this.sort = sort; return this; }
            public Builder first(int first) { this.first = first; return this; }
            public Builder after(String after) { this.after = after; return this; }

            public NomenclatureQuery build() {
                return new NomenclatureQuery(text, kinds, workUnitIds, activityId, taskId, domainId, statuses,
                        proposerUserId, createdFrom, createdTo, sort, first, after);
            }
        }
    }

    /**
     * One entry found. {@code highlight}: the name in its original spelling with the matched words in
     * {@code <em>} (the plain name when only other fields matched). {@code score}: null unless sorted by
     * relevance. {@code cursor}: pass as {@code after} to continue after this hit.
     */
    public record NomenclatureHit(String id, String kind, String name, String highlight, String description,
                                  String status, String activityId, String activityName, String taskId,
                                  String taskName, List<String> workUnitIds, List<String> workUnitNames,
                                  String domainId, String domainName, String proposerUserId, String proposerCounty,
                                  String periodicity, Double score, Instant createdAt, Instant updatedAt,
                                  long version, String cursor) {
    }

    /** A facet value: {@code value} the id (or the kind/status), {@code name} its display name. */
    public record FacetCount(String value, String name, long count) {
    }

    /** Counts by kind, status, work unit, domain and activity (the 20 largest activities). */
    public record Facets(List<FacetCount> kinds, List<FacetCount> statuses, List<FacetCount> workUnits,
                         List<FacetCount> domains, List<FacetCount> activities) {
    }

    public record NomenclatureSearchResult(List<NomenclatureHit> hits, long total, Facets facets, String endCursor,
                                           boolean hasNextPage) {
    }

    private final ElasticsearchClient client;
    private final NomenclatureIndex index;

    public NomenclatureSearch(ElasticsearchClient client, NomenclatureIndex index) {
        this.client = client;
        this.index = index;
    }

    /** @throws IllegalArgumentException naming the field, when the query is not valid */
    public NomenclatureSearchResult search(NomenclatureQuery q, ProposalVisibility visibility) {
        Objects.requireNonNull(q, "query");
        Objects.requireNonNull(visibility, "visibility");
        validate(q);
        String folded = q.text() == null ? "" : RomanianText.fold(q.text().strip());
        Sort sort = q.sort() != null ? q.sort() : folded.isEmpty() ? Sort.NAME_ASC : Sort.RELEVANCE;
        List<FieldValue> searchAfter = q.after() == null ? null : decodeCursor(q.after(), sort);

        Query base = baseQuery(q, folded, visibility);
        Map<String, Query> facetFilters = facetFilters(q);
        Map<String, Aggregation> aggregations = new LinkedHashMap<>();
        facet(aggregations, "kinds", KIND, 10, facetFilters);
        facet(aggregations, "statuses", STATUS, 10, facetFilters);
        facet(aggregations, "workUnits", FACET_WORK_UNITS, 200, facetFilters);
        facet(aggregations, "domains", FACET_DOMAIN, 200, facetFilters);
        facet(aggregations, "activities", FACET_ACTIVITY, ACTIVITY_FACET_SIZE, facetFilters);
        Query postFilter = all(facetFilters.values());

        try {
            SearchResponse<Map> response = client.search(s -> {
                s.index(index.name()).query(base).postFilter(postFilter).size(q.first() + 1)
                        .trackTotalHits(t -> t.enabled(true)).sort(sortOptions(sort)).aggregations(aggregations)
                        .highlight(h -> h.fields(NamedValue.of(NAME_FOLDED, HighlightField.of(f -> f.numberOfFragments(0))))
                                .preTags(Highlights.OPEN).postTags(Highlights.CLOSE).encoder(HighlighterEncoder.Html));
                return searchAfter == null ? s : s.searchAfter(searchAfter);
            }, Map.class);
            var hits = response.hits().hits();
            boolean more = hits.size() > q.first();
            List<NomenclatureHit> results = new ArrayList<>();
            for (int i = 0; i < Math.min(q.first(), hits.size()); i++) {
                results.add(toHit(hits.get(i), sort));
            }
            long total = response.hits().total() == null ? results.size() : response.hits().total().value();
            Facets facets = new Facets(buckets(response, "kinds", false), buckets(response, "statuses", false),
                    buckets(response, "workUnits", true), buckets(response, "domains", true),
                    buckets(response, "activities", true));
            return new NomenclatureSearchResult(results, total, facets,
                    results.isEmpty() ? null : results.getLast().cursor(), more);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void validate(NomenclatureQuery q) {
        if (q.text() != null && q.text().length() > MAX_TEXT) {
            throw new IllegalArgumentException("text: at most " + MAX_TEXT + " characters");
        }
        if (q.first() < 1 || q.first() > MAX_FIRST) {
            throw new IllegalArgumentException("first: between 1 and " + MAX_FIRST);
        }
        for (String kind : q.kinds()) {
            if (!KINDS.contains(kind)) {
                throw new IllegalArgumentException("kinds: unknown kind '" + kind + "' (one of " + new TreeSet<>(KINDS) + ")");
            }
        }
        if (q.createdFrom() != null && q.createdTo() != null && q.createdTo().isBefore(q.createdFrom())) {
            throw new IllegalArgumentException("createdTo: before createdFrom");
        }
    }

    // ---------------------------------------------------------------- query

    /** Text, visibility and the filters without a facet: hits, total and every facet respect them. */
    private static Query baseQuery(NomenclatureQuery q, String folded, ProposalVisibility visibility) {
        return Query.of(qb -> qb.bool(b -> {
            if (folded.isEmpty()) {
                b.must(m -> m.matchAll(a -> a));
            } else {
                // every word (the last one may be a prefix, search-as-you-type) somewhere in the entry's text ...
                b.filter(f -> f.multiMatch(mm -> mm.query(folded).fields(TEXT_FOLDED).type(TextQueryType.BoolPrefix)
                        .operator(Operator.And)));
                // ... and the ranking: words in the name count three times as much
                b.must(m -> m.multiMatch(mm -> mm.query(folded).type(TextQueryType.BoolPrefix)
                        .fields(NAME_FOLDED + "^3", DESCRIPTION_FOLDED, CAUSE_TEXT_FOLDED)));
            }
            if (!q.kinds().contains(KIND_DOMAIN)) {
                b.mustNot(term(KIND, KIND_DOMAIN));
            }
            if (!visibility.allProposals()) {
                List<Query> visible = new ArrayList<>();
                visible.add(terms(STATUS, List.of(ItemStatus.APPROVED.name(), ItemStatus.INACTIVE.name())));
                if (visibility.proposerUserId() != null) {
                    visible.add(term(PROPOSER_USER_ID, visibility.proposerUserId()));
                }
                if (!visibility.proposerCounties().isEmpty()) {
                    visible.add(terms(PROPOSER_COUNTY, visibility.proposerCounties()));
                }
                b.filter(f -> f.bool(v -> v.should(visible).minimumShouldMatch("1")));
            }
            if (q.taskId() != null) {
                b.filter(term(TASK_ID, q.taskId()));
            }
            if (q.proposerUserId() != null) {
                b.filter(term(PROPOSER_USER_ID, q.proposerUserId()));
            }
            if (q.createdFrom() != null || q.createdTo() != null) {
                b.filter(f -> f.range(r -> r.date(d -> {
                    d.field(CREATED_AT);
                    if (q.createdFrom() != null) {
                        d.gte(q.createdFrom().toString());
                    }
                    if (q.createdTo() != null) {
                        d.lt(q.createdTo().toString());
                    }
                    return d;
                })));
            }
            return b;
        }));
    }

    /** The filters of faceted fields, by facet name; applied as post filter, and to the other facets. */
    private static Map<String, Query> facetFilters(NomenclatureQuery q) {
        Map<String, Query> filters = new LinkedHashMap<>();
        if (!q.kinds().isEmpty()) {
            filters.put("kinds", terms(KIND, q.kinds()));
        }
        List<ItemStatus> statuses = q.statuses().isEmpty() ? DEFAULT_STATUSES : q.statuses();
        filters.put("statuses", terms(STATUS, statuses.stream().map(Enum::name).toList()));
        if (!q.workUnitIds().isEmpty()) {
            filters.put("workUnits", terms(WORK_UNIT_IDS, q.workUnitIds()));
        }
        if (q.domainId() != null) {
            filters.put("domains", term(DOMAIN_ID, q.domainId()));
        }
        if (q.activityId() != null) {
            filters.put("activities", term(ACTIVITY_ID, q.activityId()));
        }
        return filters;
    }

    private static void facet(Map<String, Aggregation> aggregations, String name, String field, int size,
                              Map<String, Query> facetFilters) {
        List<Query> others = facetFilters.entrySet().stream().filter(e -> !e.getKey().equals(name))
                .map(Map.Entry::getValue).toList();
        aggregations.put(name, Aggregation.of(a -> a.filter(all(others))
                .aggregations("values", v -> v.terms(t -> t.field(field).size(size)))));
    }

    private static List<FacetCount> buckets(SearchResponse<Map> response, String name, boolean idAndName) {
        var values = response.aggregations().get(name).filter().aggregations().get("values").sterms();
        List<FacetCount> counts = new ArrayList<>();
        for (StringTermsBucket bucket : values.buckets().array()) {
            String key = bucket.key().stringValue();
            int separator = idAndName ? key.indexOf(FACET_SEPARATOR) : -1;
            counts.add(separator < 0 ? new FacetCount(key, key, bucket.docCount())
                    : new FacetCount(key.substring(0, separator), key.substring(separator + 1), bucket.docCount()));
        }
        return counts;
    }

    private static Query all(Collection<Query> queries) {
        return queries.isEmpty() ? Query.of(q -> q.matchAll(m -> m))
                : Query.of(q -> q.bool(b -> b.filter(List.copyOf(queries))));
    }

    private static Query term(String field, String value) {
        return Query.of(q -> q.term(t -> t.field(field).value(value)));
    }

    private static Query terms(String field, Collection<String> values) {
        return Query.of(q -> q.terms(t -> t.field(field).terms(v -> v.value(values.stream().map(FieldValue::of).toList()))));
    }

    // ---------------------------------------------------------------- sort and cursors

    /** Every order ends with the id: equal keys still have one order, which search_after needs. */
    private static List<SortOptions> sortOptions(Sort sort) {
        List<SortOptions> options = new ArrayList<>();
        switch (sort) {
            case RELEVANCE -> options.add(SortOptions.of(o -> o.score(s -> s.order(SortOrder.Desc))));
            case NAME_ASC, NAME_DESC -> {
            }
            case WORK_UNIT_ASC -> options.add(field(WORK_UNIT_SORT, SortOrder.Asc));
            case WORK_UNIT_DESC -> options.add(field(WORK_UNIT_SORT, SortOrder.Desc));
            case ACTIVITY_ASC -> options.add(field(ACTIVITY_NAME_SORT, SortOrder.Asc));
            case ACTIVITY_DESC -> options.add(field(ACTIVITY_NAME_SORT, SortOrder.Desc));
        }
        options.add(field(NAME_SORT, sort == Sort.NAME_DESC ? SortOrder.Desc : SortOrder.Asc));
        options.add(field(ID, SortOrder.Asc));
        return options;
    }

    private static SortOptions field(String field, SortOrder order) {
        return SortOptions.of(o -> o.field(f -> f.field(field).order(order).missing("_last")));
    }

    /** The sort name, then each sort value tagged with its type: s(tring), d(ouble), l(ong), n(ull). */
    private static String encodeCursor(Sort sort, List<FieldValue> values) {
        String[] parts = new String[values.size() + 1];
        parts[0] = sort.name();
        for (int i = 0; i < values.size(); i++) {
            FieldValue v = values.get(i);
            parts[i + 1] = switch (v._kind()) {
                case String -> "s" + v.stringValue();
                case Double -> "d" + v.doubleValue();
                case Long -> "l" + v.longValue();
                case Null -> "n";
                default -> throw new IllegalStateException("Unexpected sort value " + v);
            };
        }
        return Cursor.encode(parts);
    }

    /**
     * The search_after values of a cursor of this sort, each of the kind its sort position takes
     * (a score is a finite number, a field value a string or missing, the final id a string), so
     * a forged cursor is an {@link InvalidCursor}, never an Elasticsearch error.
     */
    private static List<FieldValue> decodeCursor(String cursor, Sort sort) {
        try {
            return searchAfter(cursor, sort);
        } catch (InvalidCursor e) {
            throw new InvalidCursor("after: " + e.getMessage()); // this search's messages start with the field
        }
    }

    private static List<FieldValue> searchAfter(String cursor, Sort sort) {
        List<SortOptions> options = sortOptions(sort);
        String[] parts = Cursor.decode(cursor, options.size() + 1);
        if (!sort.name().equals(parts[0])) {
            throw Cursor.invalid(cursor, "a cursor of another sort order");
        }
        List<FieldValue> values = new ArrayList<>();
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i];
            boolean score = options.get(i - 1).isScore();
            boolean last = i == parts.length - 1;
            char kind = p.isEmpty() ? ' ' : p.charAt(0);
            if (score && kind == 'd') {
                double value;
                try {
                    value = Double.parseDouble(p.substring(1));
                } catch (NumberFormatException e) {
                    throw Cursor.invalid(cursor, "not a cursor of this search");
                }
                if (!Double.isFinite(value)) {
                    throw Cursor.invalid(cursor, "not a cursor of this search");
                }
                values.add(FieldValue.of(value));
            } else if (score && kind == 'l') {
                try {
                    values.add(FieldValue.of(Long.parseLong(p.substring(1))));
                } catch (NumberFormatException e) {
                    throw Cursor.invalid(cursor, "not a cursor of this search");
                }
            } else if (!score && kind == 's') {
                values.add(FieldValue.of(p.substring(1)));
            } else if (!score && !last && kind == 'n') {
                values.add(FieldValue.NULL);
            } else {
                throw Cursor.invalid(cursor, "not a cursor of this search");
            }
        }
        return values;
    }

    // ---------------------------------------------------------------- hits

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static NomenclatureHit toHit(co.elastic.clients.elasticsearch.core.search.Hit<Map> hit, Sort sort) {
        Map<String, Object> s = hit.source();
        String name = (String) s.get(NAME);
        List<String> highlight = hit.highlight().get(NAME_FOLDED);
        String highlighted = highlight == null || highlight.isEmpty() ? Highlights.escape(name)
                : Highlights.onOriginal(name, highlight.getFirst());
        return new NomenclatureHit((String) s.get(ID), (String) s.get(KIND), name, highlighted,
                (String) s.get(DESCRIPTION), (String) s.get(STATUS), (String) s.get(ACTIVITY_ID),
                (String) s.get(ACTIVITY_NAME), (String) s.get(TASK_ID), (String) s.get(TASK_NAME),
                strings(s.get(WORK_UNIT_IDS)), strings(s.get(WORK_UNIT_NAMES)), (String) s.get(DOMAIN_ID),
                (String) s.get(DOMAIN_NAME), (String) s.get(PROPOSER_USER_ID), (String) s.get(PROPOSER_COUNTY),
                (String) s.get(PERIODICITY), sort == Sort.RELEVANCE ? hit.score() : null, instant(s.get(CREATED_AT)),
                instant(s.get(UPDATED_AT)), s.get(VERSION) == null ? 0 : ((Number) s.get(VERSION)).longValue(),
                encodeCursor(sort, hit.sort()));
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Object value) {
        return value == null ? List.of() : List.copyOf((List<String>) value);
    }

    private static Instant instant(Object value) {
        return value == null ? null : Instant.parse((String) value);
    }
}
