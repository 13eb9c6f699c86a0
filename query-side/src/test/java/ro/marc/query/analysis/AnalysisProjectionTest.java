package ro.marc.query.analysis;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import ro.marc.events.analysis.AnalysedActivity;
import ro.marc.events.analysis.AnalysedTask;
import ro.marc.events.analysis.AnalysisEdition;
import ro.marc.events.analysis.AnalysisEdition.*;
import ro.marc.events.analysis.CollaborationRelation;
import ro.marc.events.analysis.CollaborationRelation.Direction;
import ro.marc.events.analysis.event.ActivityAnalysisFinalised;
import ro.marc.events.analysis.event.ActivityAnalysisSaved;
import ro.marc.events.analysis.event.ActivityAnalysisStarted;
import ro.marc.events.nomenclature.Periodicity;
import ro.marc.events.org.County;
import ro.marc.query.analysis.AnalysisView.NamedRef;
import ro.marc.query.common.OrgScope;
import ro.marc.query.org.OrgReadModelProjection;
import ro.marc.query.support.OrganisationStream;
import ro.marc.query.support.TestServices;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.*;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link AnalysisReadModelProjection} on a real PostgreSQL and {@link AnalysisSearchProjection} on a real
 * Elasticsearch, fed the analysis' events, read back through {@link AnalysisQueries} and {@link AnalysisSearch}.
 */
class AnalysisProjectionTest {

    private static final String PREFIX = "marc-it-analysis-" + UUID.randomUUID().toString().substring(0, 8);

    private final JdbcClient jdbc = TestServices.jdbc();
    private final ElasticsearchClient client = TestServices.elasticsearch();
    private final JsonMapper json = JsonMapper.builder().build();
    private final AnalysisReadModelProjection projection = new AnalysisReadModelProjection(jdbc, json);
    private final AnalysisQueries queries = new AnalysisQueries(jdbc, json);
    private final AnalysisIndex index = new AnalysisIndex(client, PREFIX);
    private final AnalysisSearchProjection searchProjection = new AnalysisSearchProjection(index);
    private final AnalysisSearch search = new AnalysisSearch(client, index);
    private final OrganisationStream org = new OrganisationStream(new OrgReadModelProjection(jdbc));

    private final UUID root = UUID.randomUUID();
    private final UUID cluj = UUID.randomUUID();
    private final UUID iasi = UUID.randomUUID();
    private final UUID plan = UUID.randomUUID();
    private final UUID wu = UUID.randomUUID();
    private final UUID member = UUID.randomUUID();
    private final UUID analysis = UUID.randomUUID();
    private final UUID iasiAnalysis = UUID.randomUUID();
    private final UUID activity = UUID.randomUUID();
    private final UUID task = UUID.randomUUID();
    private final UUID document = UUID.randomUUID();
    private final UUID partner = UUID.randomUUID();
    private final UUID means = UUID.randomUUID();
    private final Instant at = Instant.parse("2027-01-20T10:00:00Z");

    @BeforeEach
    void setUp() {
        jdbc.sql("TRUNCATE org_unit, work_unit, org_unit_work_unit").update();
        jdbc.sql("TRUNCATE activity_analysis, activity_analysis_selected").update();
        index.delete();
        index.ensureCreated();
        org.initialise(root, "MARC");
        org.create(cluj, root, "IPJ Cluj", County.CJ);
        org.create(iasi, root, "IPJ Iași", County.IS);
    }

    @AfterAll
    static void dropIndex() throws IOException {
        TestServices.elasticsearch().indices().delete(d -> d.index(PREFIX + "-analysis").ignoreUnavailable(true));
    }

    private void both(Object event, long seq) {
        switch (event) {
            case ActivityAnalysisStarted e -> {
                projection.on(e, seq, at);
                searchProjection.on(e, seq);
            }
            case ActivityAnalysisSaved e -> {
                projection.on(e, seq, at);
                searchProjection.on(e, seq);
            }
            case ActivityAnalysisFinalised e -> {
                projection.on(e, seq, at);
                searchProjection.on(e, seq);
            }
            default -> throw new IllegalArgumentException(String.valueOf(event));
        }
    }

    private ActivityAnalysisStarted started(UUID id, UUID orgUnit, String orgUnitName) {
        return new ActivityAnalysisStarted(id, plan, orgUnit, wu, member, "Evaluarea riscurilor 2026", orgUnitName,
                County.CJ, "Ordine publică", "Ioana Mureșan");
    }

    private ActivityAnalysisSaved saved() {
        return new ActivityAnalysisSaved(analysis, 1, List.of(new AnalysedActivity(activity,
                List.of(new AnalysedTask(task, Periodicity.DAILY, List.of(document))),
                List.of(new CollaborationRelation(Direction.SENDS_TO, null, partner, "Transmitere", "Legea 61/1991", List.of(means))))),
                Map.of(activity, "Constatarea contravențiilor", task, "Întocmirea procesului-verbal",
                        document, "Proces-verbal", partner, "Primăria Cluj-Napoca", means, "Autospecială"));
    }

    private ActivityAnalysisFinalised finalised() {
        return new ActivityAnalysisFinalised(analysis, new AnalysisEdition(1, plan, "Evaluarea riscurilor 2026", cluj,
                "IPJ Cluj", County.CJ, wu, "Ordine publică", member, "Ioana Mureșan", LocalDate.of(2027, 1, 30),
                LocalDate.of(2027, 1, 29), true, List.of(new ActivityLine(activity, "Constatarea contravențiilor (corectat)",
                List.of(new TaskLine(task, "Întocmirea procesului-verbal", Periodicity.DAILY, List.of(new DocumentLine(document, "Proces-verbal")))),
                List.of(new RelationLine(Direction.SENDS_TO, false, "Primăria Cluj-Napoca", "Transmitere", "Legea 61/1991",
                        List.of("Autospecială")))))));
    }

    @Test
    void a_draft_then_its_finalised_edition_with_the_tree_and_names_and_the_selected_activities() {
        both(started(analysis, cluj, "IPJ Cluj"), 0);
        AnalysisView draft = queries.analysis(analysis).orElseThrow();
        assertThat(draft.status()).isEqualTo("DRAFT");
        assertThat(draft.version()).isEqualTo(1);
        assertThat(draft.activities()).isEmpty();

        both(saved(), 1);
        draft = queries.analysis(analysis).orElseThrow();
        assertThat(draft.version()).isEqualTo(2);
        assertThat(draft.activities()).singleElement().satisfies(a -> {
            assertThat(a.name()).isEqualTo("Constatarea contravențiilor");
            assertThat(a.tasks().getFirst().documents()).containsExactly(new NamedRef(document, "Proces-verbal"));
            assertThat(a.relations().getFirst().partnerEntryId()).isEqualTo(partner);
            assertThat(a.relations().getFirst().partnerName()).isEqualTo("Primăria Cluj-Napoca");
        });
        assertThat(queries.selectedActivities(plan, member, wu)).isEmpty();

        both(finalised(), 2);
        both(saved(), 1); // replayed: changes nothing
        AnalysisView done = queries.analysis(analysis).orElseThrow();
        assertThat(done.status()).isEqualTo("FINALISED");
        assertThat(done.finalisedEdition()).isEqualTo(1);
        assertThat(done.late()).isTrue();
        assertThat(done.version()).isEqualTo(3);
        assertThat(done.activities().getFirst().name()).isEqualTo("Constatarea contravențiilor (corectat)");
        assertThat(done.activities().getFirst().relations().getFirst().materialMeans())
                .containsExactly(new NamedRef(means, "Autospecială"));
        assertThat(queries.selectedActivities(plan, member, wu))
                .containsExactly(new NamedRef(activity, "Constatarea contravențiilor (corectat)"));

        // the next edition is drafted: the finalised one's activities stay selected
        both(new ActivityAnalysisSaved(analysis, 2, List.of(), Map.of()), 3);
        AnalysisView next = queries.analysis(analysis).orElseThrow();
        assertThat(next.status()).isEqualTo("DRAFT");
        assertThat(next.edition()).isEqualTo(2);
        assertThat(next.finalisedEdition()).isEqualTo(1);
        assertThat(queries.selectedActivities(plan, member, wu)).hasSize(1);
    }

    @Test
    void lists_are_filtered_by_reach_and_by_text_with_diacritics_folded() throws IOException {
        both(started(analysis, cluj, "IPJ Cluj"), 0);
        both(saved(), 1);
        both(started(iasiAnalysis, iasi, "IPJ Iași"), 0);
        client.indices().refresh(r -> r.index(index.name()));

        OrgScope clujOnly = new OrgScope(false, Set.of(), Set.of(), Set.of(cluj));
        assertThat(queries.analyses(AnalysisFilter.none(), clujOnly, null, 50, null).items()).extracting(AnalysisView::id).containsExactly(analysis);
        assertThat(queries.analyses(AnalysisFilter.none(), OrgScope.everything(), null, 50, null).items()).hasSize(2);
        assertThat(queries.count(AnalysisFilter.none(), OrgScope.everything(), null)).isEqualTo(2);
        var firstPage = queries.analyses(AnalysisFilter.none(), OrgScope.everything(), null, 1, null);
        var secondPage = queries.analyses(AnalysisFilter.none(), OrgScope.everything(), null, 1, firstPage.endCursor());
        assertThat(firstPage.hasNextPage()).isTrue();
        assertThat(secondPage.hasNextPage()).isFalse();
        assertThat(java.util.stream.Stream.concat(firstPage.items().stream(), secondPage.items().stream()).map(AnalysisView::id))
                .containsExactlyElementsOf(queries.analyses(AnalysisFilter.none(), OrgScope.everything(), null, 50, null)
                        .items().stream().map(AnalysisView::id).toList());
        assertThat(queries.analyses(new AnalysisFilter(null, iasi, null, null, null, null), clujOnly, null, 50, null).items()).isEmpty();
        assertThat(queries.analyses(new AnalysisFilter(plan, null, wu, member, "DRAFT", null), OrgScope.everything(), null, 50, null).items())
                .hasSize(2);

        assertThat(search.matching("intocmirea PROCESULUI")).containsExactly(analysis);
        assertThat(search.matching("contravenții")).containsExactly(analysis);
        assertThat(search.matching("contraventii recrutare")).isEmpty();
        assertThat(queries.analyses(AnalysisFilter.none(), OrgScope.everything(), search.matching("constatarea"), 50, null).items())
                .extracting(AnalysisView::id).containsExactly(analysis);
        assertThat(queries.analyses(AnalysisFilter.none(), OrgScope.everything(), search.matching("nimic"), 50, null).items()).isEmpty();
    }
}
