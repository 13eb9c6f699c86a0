package ro.marc.query.org;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.GetResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ro.marc.events.org.County;
import ro.marc.query.common.OrgScope;
import ro.marc.query.support.OrganisationStream;
import ro.marc.query.support.TestServices;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link OrgSearchProjection} and {@link OrgSearch} against a real Elasticsearch, fed the events the
 * real org aggregates write ({@link OrganisationStream}). Events are fed back to back, as a tracking
 * processor would, without refreshing in between: only the test refreshes, right before it searches.
 */
class OrgSearchProjectionTest {

    private static final String PREFIX = "marc-it-org-search-" + UUID.randomUUID().toString().substring(0, 8);
    private static final AtomicInteger INDEX_SETS = new AtomicInteger();

    private final ElasticsearchClient client = TestServices.elasticsearch();
    private SearchIndexes indexes;
    private OrgSearch search;
    private OrganisationStream stream;

    private final UUID root = UUID.randomUUID();
    private final UUID ministry = UUID.randomUUID();
    private final UUID police = UUID.randomUUID();
    private final UUID ipjCluj = UUID.randomUUID();
    private final UUID rutierCluj = UUID.randomUUID();
    private final UUID ipjBihor = UUID.randomUUID();
    private final UUID dga = UUID.randomUUID();
    private final UUID sjaCluj = UUID.randomUUID();
    private final UUID dop = UUID.randomUUID();
    private final UUID resurseUmane = UUID.randomUUID();
    private final UUID achizitii = UUID.randomUUID();
    private final UUID consiliere = UUID.randomUUID();

    @BeforeEach
    void indexTheTree() {
        indexes = new SearchIndexes(client, PREFIX + "-" + INDEX_SETS.incrementAndGet());
        indexes.ensureCreated();
        search = new OrgSearch(client, indexes);
        stream = new OrganisationStream(new OrgSearchProjection(client, indexes));

        stream.initialise(root, "MARC");
        stream.create(ministry, root, "Ministerul Afacerilor Interne", null);
        stream.create(police, ministry, "Inspectoratul General al Poliției Române", null);
        stream.create(ipjCluj, police, "IPJ Cluj", County.CJ);
        stream.create(rutierCluj, ipjCluj, "Serviciul Rutier Cluj", null); // inherits CJ
        stream.create(ipjBihor, police, "IPJ Bihor", County.BH);
        stream.create(dga, ministry, "Direcția Generală Anticorupție", null);
        stream.create(sjaCluj, dga, "Serviciul Județean Anticorupție Cluj", County.CJ);
        stream.create(dop, ministry, "Departamentul de Ordine Publică", null);

        stream.defineWorkUnit(resurseUmane, "Resurse umane");
        stream.defineWorkUnit(achizitii, "Achiziții publice");
        stream.defineWorkUnit(consiliere, "Consiliere anticorupție");

        // an org unit holds only work units of its parent
        stream.assign(ministry, resurseUmane);
        stream.assign(ministry, achizitii);
        stream.assign(police, resurseUmane);
        stream.assign(police, achizitii);
        stream.assign(ipjCluj, resurseUmane);
        stream.assign(ipjCluj, achizitii);
        stream.assign(dga, resurseUmane);
    }

    @AfterEach
    void dropIndexes() throws IOException {
        client.indices().delete(d -> d.index(indexes.all()).ignoreUnavailable(true));
    }

    @Test
    void foldsDiacriticsAndHighlightsTheOriginalSpelling() {
        SearchResult folded = find("anticoruptie", SearchFilters.none());
        assertThat(ids(folded)).containsExactlyInAnyOrder(id(dga), id(sjaCluj), id(consiliere));
        assertThat(folded.total()).isEqualTo(3);
        assertThat(folded.hasNextPage()).isFalse();

        SearchHit dgaHit = hit(folded, dga);
        assertThat(dgaHit.kind()).isEqualTo("ORG_UNIT");
        assertThat(dgaHit.name()).isEqualTo("Direcția Generală Anticorupție");
        assertThat(dgaHit.highlightedName()).isEqualTo("Direcția Generală <em>Anticorupție</em>");
        assertThat(dgaHit.level()).isEqualTo(2);
        assertThat(dgaHit.county()).isNull();
        assertThat(dgaHit.active()).isTrue();
        assertThat(dgaHit.parentId()).isEqualTo(id(ministry));
        assertThat(dgaHit.score()).isPositive();
        assertThat(hit(folded, sjaCluj)).extracting(SearchHit::highlightedName, SearchHit::county, SearchHit::level)
                .containsExactly("Serviciul Județean <em>Anticorupție</em> Cluj", "CJ", 3);
        assertThat(hit(folded, consiliere)).extracting(SearchHit::kind, SearchHit::highlightedName, SearchHit::level,
                        SearchHit::active)
                .containsExactly("WORK_UNIT", "Consiliere <em>anticorupție</em>", null, null);

        // legacy cedilla Ţ (U+0162), upper case, and the comma-below spelling all fold the same
        SearchResult cedilla = find("ANTICORUP\u0162IE", SearchFilters.none());
        assertThat(ids(cedilla)).containsExactlyInAnyOrder(id(dga), id(sjaCluj), id(consiliere));
        assertThat(hit(cedilla, dga).highlightedName()).isEqualTo("Direcția Generală <em>Anticorupție</em>");
        assertThat(ids(find("Anticorupție", SearchFilters.none())))
                .containsExactlyInAnyOrder(id(dga), id(sjaCluj), id(consiliere));

        // search as you type: the last word is a prefix
        SearchResult prefix = find("anticor", SearchFilters.none());
        assertThat(ids(prefix)).containsExactlyInAnyOrder(id(dga), id(sjaCluj), id(consiliere));
        assertThat(hit(prefix, dga).highlightedName()).contains("<em>Anticorupție</em>");
        assertThat(ids(find("directia anticor", SearchFilters.none()))).containsExactly(id(dga));
        assertThat(ids(find("generală DIRECȚIA", SearchFilters.none()))).containsExactly(id(dga));

        SearchResult police = find("politiei romane", SearchFilters.none());
        assertThat(ids(police)).containsExactly(id(this.police));
        assertThat(police.hits().getFirst().highlightedName())
                .isEqualTo("Inspectoratul General al <em>Poliției</em> <em>Române</em>");

        assertThat(find("coruptie", SearchFilters.none()).hits()).isEmpty(); // words, not substrings
        assertThat(find("anticoruptie bihor", SearchFilters.none()).hits()).isEmpty(); // every word must match
    }

    @Test
    void filtersByCountySubtreeWorkUnitKindAndLevel() {
        assertThat(ids(find("", filters(null, "CJ", null, null, null))))
                .containsExactlyInAnyOrder(id(ipjCluj), id(rutierCluj), id(sjaCluj));
        assertThat(ids(find("anticoruptie", filters(null, "CJ", null, null, null)))).containsExactly(id(sjaCluj));
        assertThat(ids(find("", filters(null, "BH", null, null, null)))).containsExactly(id(ipjBihor));

        assertThat(ids(find("", filters(null, null, id(police), null, null))))
                .containsExactlyInAnyOrder(id(police), id(ipjCluj), id(rutierCluj), id(ipjBihor));
        assertThat(ids(find("cluj", filters(null, null, id(police), null, null))))
                .containsExactlyInAnyOrder(id(ipjCluj), id(rutierCluj));
        assertThat(ids(find("anticoruptie", filters(null, null, id(dga), null, null))))
                .containsExactlyInAnyOrder(id(dga), id(sjaCluj));

        assertThat(ids(find("", filters(null, null, null, id(achizitii), null))))
                .containsExactlyInAnyOrder(id(ministry), id(police), id(ipjCluj));
        assertThat(ids(find("", filters(null, null, null, id(resurseUmane), null))))
                .containsExactlyInAnyOrder(id(ministry), id(police), id(ipjCluj), id(dga));

        assertThat(ids(find("anticoruptie", filters(List.of("ORG_UNIT"), null, null, null, null))))
                .containsExactlyInAnyOrder(id(dga), id(sjaCluj));
        assertThat(ids(find("anticoruptie", filters(List.of("WORK_UNIT"), null, null, null, null))))
                .containsExactly(id(consiliere));
        assertThat(ids(find("", filters(List.of("WORK_UNIT"), null, null, null, null))))
                .containsExactlyInAnyOrder(id(resurseUmane), id(achizitii), id(consiliere));
        assertThat(ids(find("", filters(null, null, null, null, 3))))
                .containsExactlyInAnyOrder(id(ipjCluj), id(ipjBihor), id(sjaCluj));

        // pages of 4 over the 9 org units, by offset cursor
        refresh();
        List<String> seen = new ArrayList<>();
        SearchResult page = search.search("", filters(List.of("ORG_UNIT"), null, null, null, null), OrgScope.everything(), 4, null);
        assertThat(page.total()).isEqualTo(9);
        assertThat(page.hasNextPage()).isTrue();
        seen.addAll(ids(page));
        page = search.search("", filters(List.of("ORG_UNIT"), null, null, null, null), OrgScope.everything(), 4, page.cursors().getLast());
        assertThat(page.hasNextPage()).isTrue();
        seen.addAll(ids(page));
        page = search.search("", filters(List.of("ORG_UNIT"), null, null, null, null), OrgScope.everything(), 4, page.cursors().getLast());
        assertThat(page.hasNextPage()).isFalse();
        seen.addAll(ids(page));
        assertThat(seen).hasSize(9).doesNotHaveDuplicates();
    }

    @Test
    void scopeIsAppliedInsideTheQuerySoTotalsNeverCountHiddenUnits() {
        refresh();
        OrgScope cluj = new OrgScope(false, java.util.Set.of("CJ"), java.util.Set.of(), java.util.Set.of());
        SearchResult inCluj = search.search("", filters(List.of("ORG_UNIT"), null, null, null, null), cluj, 50, null);
        assertThat(ids(inCluj)).containsExactlyInAnyOrder(id(ipjCluj), id(rutierCluj), id(sjaCluj));
        assertThat(inCluj.total()).isEqualTo(3);
        // work units are the national catalogue: visible whatever the scope
        assertThat(ids(search.search("anticoruptie", SearchFilters.none(), cluj, 50, null)))
                .containsExactlyInAnyOrder(id(sjaCluj), id(consiliere));

        String policePath = "/" + root + "/" + ministry + "/" + police + "/";
        OrgScope policeSubtree = new OrgScope(false, java.util.Set.of(), java.util.Set.of(policePath), java.util.Set.of());
        assertThat(ids(search.search("", filters(List.of("ORG_UNIT"), null, null, null, null), policeSubtree, 50, null)))
                .containsExactlyInAnyOrder(id(police), id(ipjCluj), id(rutierCluj), id(ipjBihor));

        OrgScope oneUnit = new OrgScope(false, java.util.Set.of(), java.util.Set.of(), java.util.Set.of(ipjBihor));
        assertThat(ids(search.search("", filters(List.of("ORG_UNIT"), null, null, null, null), oneUnit, 50, null)))
                .containsExactly(id(ipjBihor));
        assertThat(search.search("", filters(List.of("ORG_UNIT"), null, null, null, null), OrgScope.nothing(), 50, null)
                .total()).isZero();
    }

    @Test
    void hidesDeactivatedUnitsAndRetiredWorkUnitsUnlessAsked() {
        stream.deactivate(ipjBihor);
        stream.retireWorkUnit(consiliere);

        assertThat(ids(find("ipj", SearchFilters.none()))).containsExactly(id(ipjCluj));
        SearchResult all = find("ipj", new SearchFilters(null, null, null, null, null, true));
        assertThat(ids(all)).containsExactlyInAnyOrder(id(ipjCluj), id(ipjBihor));
        assertThat(hit(all, ipjBihor).active()).isFalse();
        assertThat(ids(find("anticoruptie", SearchFilters.none()))).containsExactlyInAnyOrder(id(dga), id(sjaCluj));
        assertThat(ids(find("anticoruptie", new SearchFilters(null, null, null, null, null, true))))
                .containsExactlyInAnyOrder(id(dga), id(sjaCluj), id(consiliere));

        stream.reactivate(ipjBihor);
        assertThat(ids(find("ipj", SearchFilters.none()))).containsExactlyInAnyOrder(id(ipjCluj), id(ipjBihor));

        stream.unassign(ipjCluj, achizitii);
        assertThat(ids(find("", filters(null, null, null, id(achizitii), null)))).containsExactlyInAnyOrder(id(ministry), id(police));

        stream.rename(dga, "Direcția Națională Anticorupție");
        stream.renameWorkUnit(resurseUmane, "Resurse umane și salarizare");
        assertThat(ids(find("generala", SearchFilters.none()))).isEmpty();
        SearchResult renamed = find("nationala", SearchFilters.none());
        assertThat(ids(renamed)).containsExactly(id(dga));
        assertThat(renamed.hits().getFirst().highlightedName()).isEqualTo("Direcția <em>Națională</em> Anticorupție");
        // the rename kept the document's other fields
        assertThat(ids(find("", filters(null, null, null, id(resurseUmane), null))))
                .containsExactlyInAnyOrder(id(ministry), id(police), id(ipjCluj), id(dga));
        assertThat(ids(find("salarizare", SearchFilters.none()))).containsExactly(id(resurseUmane));
    }

    @Test
    void movedSubtreesFollowTheirNewParent() throws IOException {
        // Fed right after the tree was indexed and a descendant renamed, as a processor (or a replay)
        // would: the move must neither miss descendants nor write back a descendant's older state.
        stream.rename(rutierCluj, "Serviciul Rutier Județean Cluj");
        dopHoldsTheWorkUnitsOfThePolice();
        stream.move(police, dop);

        refresh();
        OrgUnitDocument rutier = document(rutierCluj);
        assertThat(rutier.name()).isEqualTo("Serviciul Rutier Județean Cluj");
        assertThat(rutier.level()).isEqualTo(5);
        assertThat(rutier.ancestorIds()).containsExactly(id(root), id(ministry), id(dop), id(police), id(ipjCluj));
        assertThat(document(ipjBihor).ancestorIds()).containsExactly(id(root), id(ministry), id(dop), id(police));
        assertThat(ids(find("", filters(null, null, id(dop), null, null))))
                .containsExactlyInAnyOrder(id(dop), id(police), id(ipjCluj), id(rutierCluj), id(ipjBihor));
        SearchResult movedTree = find("", filters(null, null, id(police), null, null));
        assertThat(hit(movedTree, police)).extracting(SearchHit::level, SearchHit::parentId).containsExactly(3, id(dop));
        assertThat(hit(movedTree, ipjCluj)).extracting(SearchHit::level, SearchHit::parentId, SearchHit::county)
                .containsExactly(4, id(police), "CJ");
        assertThat(hit(movedTree, rutierCluj)).extracting(SearchHit::level, SearchHit::name)
                .containsExactly(5, "Serviciul Rutier Județean Cluj");
        assertThat(hit(movedTree, ipjBihor).level()).isEqualTo(4);
        // the moved units kept their work units
        assertThat(ids(find("", filters(null, null, null, id(achizitii), null))))
                .containsExactlyInAnyOrder(id(ministry), id(dop), id(police), id(ipjCluj));

        // moving part of it to another branch: the old ancestors no longer match
        stream.assign(dga, achizitii);
        stream.move(ipjCluj, dga);
        assertThat(ids(find("", filters(null, null, id(police), null, null))))
                .containsExactlyInAnyOrder(id(police), id(ipjBihor));
        assertThat(ids(find("", filters(null, null, id(dga), null, null))))
                .containsExactlyInAnyOrder(id(dga), id(sjaCluj), id(ipjCluj), id(rutierCluj));
        SearchResult underDga = find("cluj", filters(null, null, id(dga), null, null));
        assertThat(hit(underDga, ipjCluj)).extracting(SearchHit::level, SearchHit::parentId).containsExactly(3, id(dga));
        assertThat(hit(underDga, rutierCluj)).extracting(SearchHit::level, SearchHit::parentId)
                .containsExactly(4, id(ipjCluj));
        assertThat(ancestors(rutierCluj)).containsExactly(id(root), id(ministry), id(dga), id(ipjCluj));
    }

    /** Each unit is its own aggregate: a descendant may have written more events than the unit that moves. */
    @Test
    void aDescendantWithMoreEventsThanTheMovedUnitFollowsItToo() throws IOException {
        UUID office = UUID.randomUUID();
        UUID spokesperson = UUID.randomUUID();
        stream.create(office, ministry, "Biroul de Presă", null);
        stream.create(spokesperson, office, "Purtătorul de cuvânt", null);
        for (String name : List.of("Purtător de cuvânt", "Purtătorul de cuvânt al MAI", "Biroul purtătorului de cuvânt")) {
            stream.rename(spokesperson, name);
        }
        stream.move(office, dop); // the office's second event; the spokesperson has four

        OrgUnitDocument moved = document(spokesperson);
        assertThat(moved.ancestorIds()).containsExactly(id(root), id(ministry), id(dop), id(office));
        assertThat(moved.level()).isEqualTo(4);
        assertThat(moved.version()).isEqualTo(4);
        assertThat(moved.name()).isEqualTo("Biroul purtătorului de cuvânt");
        assertThat(ids(find("", filters(null, null, id(dop), null, null))))
                .containsExactlyInAnyOrder(id(dop), id(office), id(spokesperson));
    }

    @Test
    void replayingEveryEventTwiceChangesNoDocument() throws IOException {
        stream.deactivate(ipjBihor);
        stream.rename(dga, "Direcția Națională Anticorupție");
        stream.unassign(ipjCluj, achizitii);
        stream.renameWorkUnit(resurseUmane, "Resurse umane și salarizare");
        stream.retireWorkUnit(consiliere);
        dopHoldsTheWorkUnitsOfThePolice();
        refresh(); // let the move below see the whole tree: this test is about replays, not timing
        stream.move(police, dop);
        stream.assign(rutierCluj, resurseUmane);
        refresh();
        stream.move(ipjCluj, dga);
        refresh();
        Map<String, List<Object>> before = documents();
        assertThat(before).hasSize(12);
        // _version = the position of the last event that wrote the document: the move of its parent, the last event
        assertThat(before.get(id(rutierCluj)).get(0)).isEqualTo(stream.messages().getLast().trackingToken().position().orElseThrow());
        List<String> foundBefore = ids(find("", new SearchFilters(null, null, null, null, null, true)));

        stream.replayAll();
        assertThat(documents()).isEqualTo(before);
        stream.replayAll();
        assertThat(documents()).isEqualTo(before);

        assertThat(ids(find("", new SearchFilters(null, null, null, null, null, true)))).isEqualTo(foundBefore);
        assertThat(ancestors(rutierCluj)).containsExactly(id(root), id(ministry), id(dga), id(ipjCluj));
    }

    @Test
    void rebuildingIntoEmptyIndexesGivesTheSameDocuments() throws IOException {
        // a reset processor replays the whole stream, back to back, into fresh indexes
        assertRedeliveryGivesTheSameDocuments("rebuilt", stream::deliverAllTo);
    }

    @Test
    void oneBatchInAUnitOfWorkGivesTheSameDocumentsAsEventByEventDelivery() throws IOException {
        // writes are buffered during the batch (reads see them) and sent as bulk requests at commit
        assertRedeliveryGivesTheSameDocuments("batched", stream::deliverAllInOneBatchTo);
    }

    /** Changes the tree, then delivers the whole stream to a projection on fresh indexes and compares. */
    private void assertRedeliveryGivesTheSameDocuments(String name, Consumer<OrgSearchProjection> deliverAll)
            throws IOException {
        stream.rename(rutierCluj, "Serviciul Rutier Județean Cluj");
        dopHoldsTheWorkUnitsOfThePolice();
        stream.move(police, dop);
        stream.deactivate(ipjBihor);
        stream.assign(rutierCluj, resurseUmane);
        stream.assign(dga, achizitii);
        stream.move(ipjCluj, dga);
        stream.retireWorkUnit(consiliere);
        refresh();
        Map<String, List<Object>> incremental = documents(indexes, false);

        SearchIndexes fresh = new SearchIndexes(client, PREFIX + "-" + INDEX_SETS.incrementAndGet() + "-" + name);
        fresh.ensureCreated();
        try {
            deliverAll.accept(new OrgSearchProjection(client, fresh));
            client.indices().refresh(r -> r.index(fresh.all()));
            assertThat(documents(fresh, false)).isEqualTo(incremental);
            assertThat(document(fresh, rutierCluj).ancestorIds())
                    .containsExactly(id(root), id(ministry), id(dga), id(ipjCluj));
        } finally {
            client.indices().delete(d -> d.index(fresh.all()).ignoreUnavailable(true));
        }
    }

    // ------------------------------------------------------------------ helpers

    /** The police can move under the public-order department only when the department holds its work units. */
    private void dopHoldsTheWorkUnitsOfThePolice() {
        stream.assign(dop, resurseUmane);
        stream.assign(dop, achizitii);
    }

    private SearchResult find(String text, SearchFilters filters) {
        refresh();
        return search.search(text, filters, OrgScope.everything(), 50, null);
    }

    private void refresh() {
        try {
            client.indices().refresh(r -> r.index(indexes.all()));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static SearchFilters filters(List<String> kinds, String county, String within, String workUnitId,
                                         Integer level) {
        return new SearchFilters(kinds, county, within, workUnitId, level, false);
    }

    /** _version, _seq_no, _primary_term and _source of every document, by id. */
    @SuppressWarnings("rawtypes")
    private Map<String, List<Object>> documents() throws IOException {
        return documents(indexes, true);
    }

    /** _version and _source (and, when asked, _seq_no and _primary_term) of every document, by id. */
    @SuppressWarnings("rawtypes")
    private Map<String, List<Object>> documents(SearchIndexes indexes, boolean withSeqNo) throws IOException {
        Map<String, List<Object>> documents = new LinkedHashMap<>();
        for (UUID orgUnit : List.of(root, ministry, police, ipjCluj, rutierCluj, ipjBihor, dga, sjaCluj, dop)) {
            GetResponse<Map> doc = client.get(g -> g.index(indexes.orgUnits()).id(id(orgUnit)), Map.class);
            assertThat(doc.found()).isTrue();
            documents.put(doc.id(), withSeqNo ? List.of(doc.version(), doc.seqNo(), doc.primaryTerm(), doc.source())
                    : List.of(doc.version(), doc.source()));
        }
        for (UUID workUnit : List.of(resurseUmane, achizitii, consiliere)) {
            GetResponse<Map> doc = client.get(g -> g.index(indexes.workUnits()).id(id(workUnit)), Map.class);
            assertThat(doc.found()).isTrue();
            documents.put(doc.id(), withSeqNo ? List.of(doc.version(), doc.seqNo(), doc.primaryTerm(), doc.source())
                    : List.of(doc.version(), doc.source()));
        }
        return documents;
    }

    private List<String> ancestors(UUID orgUnit) throws IOException {
        return document(orgUnit).ancestorIds();
    }

    private OrgUnitDocument document(UUID orgUnit) throws IOException {
        return document(indexes, orgUnit);
    }

    private OrgUnitDocument document(SearchIndexes in, UUID orgUnit) throws IOException {
        GetResponse<OrgUnitDocument> doc = client.get(g -> g.index(in.orgUnits()).id(id(orgUnit)), OrgUnitDocument.class);
        assertThat(doc.found()).as("document of %s", orgUnit).isTrue();
        return doc.source();
    }

    private static SearchHit hit(SearchResult result, UUID id) {
        return result.hits().stream().filter(h -> h.id().equals(id.toString())).findFirst()
                .orElseThrow(() -> new AssertionError(id + " not among " + result.hits()));
    }

    private static List<String> ids(SearchResult result) {
        return result.hits().stream().map(SearchHit::id).toList();
    }

    private static String id(UUID id) {
        return id.toString();
    }
}
