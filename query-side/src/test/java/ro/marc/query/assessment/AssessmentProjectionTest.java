package ro.marc.query.assessment;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import ro.marc.events.assessment.AssessmentEdition;
import ro.marc.events.assessment.Indicator;
import ro.marc.events.assessment.IndicatorKind;
import ro.marc.events.assessment.Measure;
import ro.marc.events.assessment.MeasureKind;
import ro.marc.events.assessment.RiskDescription;
import ro.marc.events.assessment.event.AssessmentEditionStarted;
import ro.marc.events.assessment.event.RiskAssessmentDraftSaved;
import ro.marc.events.assessment.event.RiskAssessmentFinalised;
import ro.marc.events.assessment.event.RiskAssessmentInactivated;
import ro.marc.events.assessment.event.RiskAssessmentReactivated;
import ro.marc.events.assessment.event.RiskAssessmentStarted;
import ro.marc.events.assessment.event.RiskEvaluated;
import ro.marc.events.methodology.EffectivenessCriteria;
import ro.marc.events.methodology.EffectivenessLevel;
import ro.marc.events.methodology.ImpactScore;
import ro.marc.events.methodology.MeasureEffectiveness;
import ro.marc.events.methodology.MethodologyContent;
import ro.marc.events.methodology.PriorityBand;
import ro.marc.events.methodology.RiskClass;
import ro.marc.events.methodology.RiskEvaluation;
import ro.marc.events.org.County;
import ro.marc.query.assessment.AssessmentFacets.Bucket;
import ro.marc.query.common.InvalidCursor;
import ro.marc.query.common.OrgScope;
import ro.marc.query.common.Page;
import ro.marc.query.org.OrgReadModelProjection;
import ro.marc.query.support.OrganisationStream;
import ro.marc.query.support.TestServices;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link AssessmentReadModelProjection} on a real PostgreSQL and {@link AssessmentSearchProjection} on a real
 * Elasticsearch, fed a risk assessment's events, read back through {@link AssessmentQueries} and
 * {@link AssessmentSearch}: the current content and evaluation exactly as the events carry them, the evaluation
 * history (UCA 69), editions, inactivation, lists by reach with keyset pages, facets, text search and the dry run.
 */
class AssessmentProjectionTest {

    private static final String PREFIX = "marc-it-assessment-" + UUID.randomUUID().toString().substring(0, 8);

    private final JdbcClient jdbc = TestServices.jdbc();
    private final ElasticsearchClient client = TestServices.elasticsearch();
    private final JsonMapper json = JsonMapper.builder().build();
    private final AssessmentReadModelProjection projection = new AssessmentReadModelProjection(jdbc, json);
    private final AssessmentQueries queries = new AssessmentQueries(jdbc, json);
    private final AssessmentIndex index = new AssessmentIndex(client, PREFIX);
    private final AssessmentSearchProjection searchProjection = new AssessmentSearchProjection(index, jdbc, json);
    private final AssessmentSearch search = new AssessmentSearch(client, index);
    private final OrganisationStream org = new OrganisationStream(new OrgReadModelProjection(jdbc));
    private final MethodologyContent methodology = MethodologyContent.defaults();

    private final UUID root = UUID.randomUUID();
    private final UUID cluj = UUID.randomUUID();
    private final UUID iasi = UUID.randomUUID();
    private final UUID plan = UUID.randomUUID();
    private final UUID wu = UUID.randomUUID();
    private final UUID domain = UUID.randomUUID();
    private final UUID activity = UUID.randomUUID();
    private final UUID risk = UUID.randomUUID();
    private final UUID otherRisk = UUID.randomUUID();
    private final UUID member = UUID.randomUUID();
    private final UUID assessment = UUID.randomUUID();
    private final UUID effect = UUID.randomUUID();
    private final UUID cause = UUID.randomUUID();
    private final UUID dimensionA = UUID.randomUUID();
    private final UUID dimensionB = UUID.randomUUID();
    private final UUID dimensionC = UUID.randomUUID();
    private final UUID existing = UUID.randomUUID();
    private final UUID additional = UUID.randomUUID();
    private final UUID indicator = UUID.randomUUID();
    private final UUID qualitative = UUID.randomUUID();
    private final Instant at = Instant.parse("2027-03-20T10:00:00Z");

    @BeforeEach
    void setUp() {
        jdbc.sql("TRUNCATE org_unit, work_unit, org_unit_work_unit").update();
        jdbc.sql("TRUNCATE risk_assessment, risk_assessment_evaluation, assessment_search_text").update();
        index.delete();
        index.ensureCreated();
        org.initialise(root, "MARC");
        org.create(cluj, root, "IPJ Cluj", County.CJ);
        org.create(iasi, root, "IPJ Iași", County.IS);
    }

    @AfterAll
    static void dropIndex() throws IOException {
        TestServices.elasticsearch().indices().delete(d -> d.index(PREFIX + "-assessments").ignoreUnavailable(true));
    }

    private long clock;

    /** Each event applied to both projections, a second after the one before (the list is newest change first). */
    private void both(Object event, long seq) {
        Instant when = at.plusSeconds(++clock);
        switch (event) {
            case RiskAssessmentStarted e -> {
                projection.on(e, seq, when);
                searchProjection.on(e, seq);
            }
            case RiskAssessmentDraftSaved e -> {
                projection.on(e, seq, when);
                searchProjection.on(e, seq);
            }
            case RiskEvaluated e -> {
                projection.on(e, seq, when, member.toString());
                searchProjection.on(e, seq);
            }
            case RiskAssessmentFinalised e -> {
                projection.on(e, seq, when);
                searchProjection.on(e, seq);
            }
            case AssessmentEditionStarted e -> {
                projection.on(e, seq, when);
                searchProjection.on(e, seq);
            }
            case RiskAssessmentInactivated e -> {
                projection.on(e, seq, when);
                searchProjection.on(e, seq);
            }
            case RiskAssessmentReactivated e -> {
                projection.on(e, seq, when);
                searchProjection.on(e, seq);
            }
            default -> throw new IllegalArgumentException(String.valueOf(event));
        }
    }

    private RiskAssessmentStarted started(UUID id, UUID orgUnit, String orgUnitName, UUID riskId, String riskName) {
        return new RiskAssessmentStarted(id, plan, "Evaluarea riscurilor 2027", orgUnit, orgUnitName, County.CJ, wu,
                "Ordine publică", domain, "Ordine și siguranță publică", activity, "Constatarea contravențiilor",
                riskId, riskName, member, "Ioana Mureșan");
    }

    private RiskDescription description() {
        return new RiskDescription(List.of("Agenți de poliție rutieră"), List.of("Control ierarhic rar"),
                List.of("Șoferi care oferă mită"), List.of("Toleranța față de cadouri"), List.of(effect), List.of(cause));
    }

    private List<Measure> measures() {
        return List.of(
                new Measure(existing, MeasureKind.EXISTING, "Rotația personalului pe sectoare",
                        new EffectivenessCriteria(true, true, false, true), null,
                        List.of(new Indicator(indicator, "Număr de rotații pe trimestru", IndicatorKind.NUMERIC, List.of()))),
                new Measure(additional, MeasureKind.ADDITIONAL, "Camere video purtate pe uniformă", null,
                        "Șeful serviciului rutier", List.of(new Indicator(qualitative, "Calitatea înregistrărilor",
                        IndicatorKind.QUALITATIVE, List.of("Slab", "Satisfăcător", "Bine", "Foarte bine")))));
    }

    private RiskAssessmentDraftSaved saved(int edition) {
        return new RiskAssessmentDraftSaved(assessment, edition, description(), measures(),
                Map.of(existing, new MeasureEffectiveness(3, EffectivenessLevel.PARTIALLY_EFFECTIVE, "Parțial eficientă", 1)),
                Map.of(effect, "Afectarea imaginii instituției", cause, "Legea 61/1991, art. 8"));
    }

    /** 33 % × 5 + 33 % × 5 + 34 % × 4 = 4.66; × P. */
    private RiskEvaluated evaluated(UUID id, int edition, int probability) {
        RiskEvaluation evaluation = RiskEvaluation.of(probability, List.of(new ImpactScore(dimensionA, 33, 5),
                new ImpactScore(dimensionB, 33, 5), new ImpactScore(dimensionC, 34, 4)), methodology, 1);
        return new RiskEvaluated(id, edition, evaluation, Map.of(dimensionA, "Financiar", dimensionB, "Imagine",
                dimensionC, "Operațional"), 3, List.of(UUID.randomUUID()));
    }

    private RiskAssessmentFinalised finalised(RiskEvaluation evaluation) {
        return new RiskAssessmentFinalised(assessment, new AssessmentEdition(1, plan, "Evaluarea riscurilor 2027", cluj,
                "IPJ Cluj", County.CJ, wu, "Ordine publică", domain, "Ordine și siguranță publică", activity,
                "Constatarea contravențiilor", risk, "Luarea de mită (corectat)", member, "Ioana Mureșan",
                LocalDate.of(2027, 3, 20), LocalDate.of(2027, 3, 15), true, description(), evaluation, measures(),
                Map.of(existing, new MeasureEffectiveness(3, EffectivenessLevel.PARTIALLY_EFFECTIVE, "Parțial eficientă", 1)),
                Map.of(effect, "Afectarea imaginii instituției", cause, "Legea 61/1991, art. 8", dimensionA, "Financiar",
                        dimensionB, "Imagine", dimensionC, "Operațional")));
    }

    @Test
    void a_draft_its_evaluations_as_carried_its_finalised_edition_and_the_next_edition() {
        both(started(assessment, cluj, "IPJ Cluj", risk, "Luarea de mită"), 0);
        AssessmentView draft = queries.assessment(assessment).orElseThrow();
        assertThat(draft.status()).isEqualTo("DRAFT");
        assertThat(draft.active()).isTrue();
        assertThat(draft.edition()).isEqualTo(1);
        assertThat(draft.version()).isEqualTo(1);
        assertThat(draft.description()).isEqualTo(RiskDescription.empty());
        assertThat(draft.evaluation()).isNull();
        assertThat(draft.riskName()).isEqualTo("Luarea de mită");
        assertThat(draft.domainName()).isEqualTo("Ordine și siguranță publică");
        assertThat(draft.county()).isEqualTo("CJ");

        both(saved(1), 1);
        both(evaluated(assessment, 1, 3), 2);
        both(evaluated(assessment, 1, 4), 3);
        AssessmentView evaluated = queries.assessment(assessment).orElseThrow();
        assertThat(evaluated.version()).isEqualTo(4);
        assertThat(evaluated.description()).isEqualTo(description());
        assertThat(evaluated.measures()).isEqualTo(measures());
        assertThat(evaluated.effectiveness().get(existing).level()).isEqualTo(EffectivenessLevel.PARTIALLY_EFFECTIVE);
        // exactly as the event carried it: 4 × 4.66 = 18.64, high, priority 1
        assertThat(evaluated.evaluation()).isEqualTo(evaluated(assessment, 1, 4).evaluation());
        assertThat(evaluated.evaluation().exposure()).isEqualByComparingTo("18.64");
        assertThat(evaluated.evaluation().exposure().scale()).isEqualTo(2);
        assertThat(evaluated.evaluation().riskClass()).isEqualTo(RiskClass.HIGH);
        assertThat(evaluated.names()).containsEntry(effect, "Afectarea imaginii instituției")
                .containsEntry(cause, "Legea 61/1991, art. 8").containsEntry(dimensionC, "Operațional");

        List<EvaluationEntry> history = queries.history(assessment);
        assertThat(history).extracting(h -> h.evaluation().probability()).containsExactly(3, 4);
        assertThat(history.getFirst().evaluation().exposure()).isEqualByComparingTo("13.98");
        assertThat(history.getFirst().evaluation().riskClass()).isEqualTo(RiskClass.MODERATE);
        assertThat(history.getFirst().lowestAllowedProbability()).isEqualTo(3);
        assertThat(history.getFirst().byUserId()).isEqualTo(member.toString());
        assertThat(history.getFirst().dimensionNames()).containsEntry(dimensionA, "Financiar");
        assertThat(history.getFirst().at()).isEqualTo(at.plusSeconds(3));

        RiskEvaluation last = evaluated(assessment, 1, 4).evaluation();
        both(finalised(last), 4);
        both(evaluated(assessment, 1, 3), 2); // replayed: no second history line, the current evaluation stays
        both(saved(1), 1);
        AssessmentView done = queries.assessment(assessment).orElseThrow();
        assertThat(done.status()).isEqualTo("FINALISED");
        assertThat(done.finalisedEdition()).isEqualTo(1);
        assertThat(done.finalisedOn()).isEqualTo(LocalDate.of(2027, 3, 20));
        assertThat(done.late()).isTrue();
        assertThat(done.riskName()).isEqualTo("Luarea de mită (corectat)");
        assertThat(done.evaluation()).isEqualTo(last);
        assertThat(done.version()).isEqualTo(5);
        assertThat(queries.history(assessment)).hasSize(2);

        // UCA 62: the next edition is drafted from the finalised content; a new evaluation adds a history line
        both(new AssessmentEditionStarted(assessment, 2), 5);
        AssessmentView next = queries.assessment(assessment).orElseThrow();
        assertThat(next.status()).isEqualTo("DRAFT");
        assertThat(next.edition()).isEqualTo(2);
        assertThat(next.finalisedEdition()).isEqualTo(1);
        assertThat(next.evaluation()).isEqualTo(last);
        both(new RiskAssessmentDraftSaved(assessment, 2, description(), measures(), Map.of(),
                Map.of(effect, "Afectarea imaginii instituției", cause, "Legea 61/1991, art. 8")), 6);
        // the carried evaluation keeps its dimensions' names after the draft's names are replaced
        assertThat(queries.assessment(assessment).orElseThrow().names()).containsEntry(dimensionA, "Financiar");
        both(evaluated(assessment, 2, 5), 7);
        assertThat(queries.history(assessment)).extracting(EvaluationEntry::edition).containsExactly(1, 1, 2);
        assertThat(queries.assessment(assessment).orElseThrow().evaluation().exposure()).isEqualByComparingTo("23.30");

        both(new RiskAssessmentInactivated(assessment), 8);
        assertThat(queries.assessment(assessment).orElseThrow().active()).isFalse();
        both(new RiskAssessmentReactivated(assessment), 9);
        assertThat(queries.assessment(assessment).orElseThrow().active()).isTrue();
        assertThat(queries.assessment(assessment).orElseThrow().version()).isEqualTo(10);
    }

    @Test
    void every_event_rewrites_the_search_document_at_the_assessments_version() throws IOException {
        both(started(assessment, cluj, "IPJ Cluj", risk, "Luarea de mită"), 0);
        both(saved(1), 1);
        both(evaluated(assessment, 1, 3), 2);
        both(new RiskAssessmentInactivated(assessment), 3);
        both(saved(1), 1); // late: refused by the external version, the document stays whole
        client.indices().refresh(r -> r.index(index.name()));
        var got = client.get(g -> g.index(index.name()).id(assessment.toString()), Map.class);
        assertThat(got.version()).isEqualTo(4L);
        assertThat(search.matching("mita")).containsExactly(assessment);
        assertThat(search.matching("camere video")).containsExactly(assessment);
    }

    @Test
    void a_rebuild_replays_the_stream_into_the_same_rows_history_and_document() throws IOException {
        List<Object> stream = List.of(started(assessment, cluj, "IPJ Cluj", risk, "Luarea de mită"), saved(1),
                evaluated(assessment, 1, 3), evaluated(assessment, 1, 4),
                finalised(evaluated(assessment, 1, 4).evaluation()), new AssessmentEditionStarted(assessment, 2));
        for (int seq = 0; seq < stream.size(); seq++) {
            both(stream.get(seq), seq);
        }
        AssessmentView before = queries.assessment(assessment).orElseThrow();
        List<EvaluationEntry> history = queries.history(assessment);

        projection.reset();
        searchProjection.reset();
        assertThat(queries.assessment(assessment)).isEmpty();
        assertThat(queries.history(assessment)).isEmpty();
        clock = 0;
        for (int seq = 0; seq < stream.size(); seq++) {
            both(stream.get(seq), seq);
        }
        assertThat(queries.assessment(assessment).orElseThrow()).isEqualTo(before);
        assertThat(queries.history(assessment)).isEqualTo(history);
        client.indices().refresh(r -> r.index(index.name()));
        assertThat(search.matching("camere video mita")).containsExactly(assessment);
    }

    @Test
    void lists_by_reach_with_keyset_pages_filters_facets_and_text_with_diacritics_folded() throws IOException {
        UUID iasiAssessment = UUID.randomUUID();
        UUID unevaluated = UUID.randomUUID();
        both(started(unevaluated, cluj, "IPJ Cluj", otherRisk, "Favorizarea unor persoane"), 0);
        both(started(iasiAssessment, iasi, "IPJ Iași", risk, "Luarea de mită"), 0);
        both(evaluated(iasiAssessment, 1, 2), 1); // 9.32 moderate
        both(started(assessment, cluj, "IPJ Cluj", risk, "Luarea de mită"), 0);
        both(saved(1), 1);
        both(evaluated(assessment, 1, 4), 2); // 18.64 high
        client.indices().refresh(r -> r.index(index.name()));

        OrgScope clujOnly = new OrgScope(false, Set.of(), Set.of(), Set.of(cluj));
        assertThat(ids(queries.assessments(AssessmentFilter.none(), clujOnly, null, 50, null)))
                .containsExactly(assessment, unevaluated);
        assertThat(ids(queries.assessments(AssessmentFilter.none(), OrgScope.nothing(), null, 50, null))).isEmpty();

        // newest change first, pages of one that join up
        List<UUID> all = ids(queries.assessments(AssessmentFilter.none(), OrgScope.everything(), null, 50, null));
        assertThat(all).containsExactly(assessment, iasiAssessment, unevaluated);
        List<UUID> paged = new ArrayList<>();
        String after = null;
        Page<AssessmentView> page;
        do {
            page = queries.assessments(AssessmentFilter.none(), OrgScope.everything(), null, 1, after);
            paged.addAll(ids(page));
            after = page.endCursor();
        } while (page.hasNextPage());
        assertThat(paged).isEqualTo(all);
        assertThatThrownBy(() -> queries.assessments(AssessmentFilter.none(), OrgScope.everything(), null, 1, "nonsense"))
                .isInstanceOf(InvalidCursor.class);

        assertThat(ids(queries.assessments(filter(Set.of(RiskClass.HIGH), Set.of(), Set.of()), OrgScope.everything(), null, 50, null)))
                .containsExactly(assessment);
        assertThat(ids(queries.assessments(filter(Set.of(), Set.of(2), Set.of()), OrgScope.everything(), null, 50, null)))
                .containsExactly(iasiAssessment);
        assertThat(ids(queries.assessments(filter(Set.of(), Set.of(), Set.of(otherRisk)), OrgScope.everything(), null, 50, null)))
                .containsExactly(unevaluated);

        AssessmentFacets facets = queries.facets(AssessmentFilter.none(), OrgScope.everything(), null);
        assertThat(facets.total()).isEqualTo(3);
        assertThat(facets.byClass()).containsExactlyInAnyOrder(new Bucket("HIGH", "Risc înalt", 1),
                new Bucket("MODERATE", "Risc moderat", 1), new Bucket("NONE", "Neevaluat", 1));
        assertThat(facets.byPriority()).extracting(Bucket::key).containsExactlyInAnyOrder("1", "2", "NONE");
        assertThat(facets.byStatus()).containsExactly(new Bucket("DRAFT", "Ciornă", 3));
        assertThat(facets.byOrgUnit()).containsExactly(new Bucket(cluj.toString(), "IPJ Cluj", 2),
                new Bucket(iasi.toString(), "IPJ Iași", 1));
        assertThat(facets.byRisk()).first().isEqualTo(new Bucket(risk.toString(), "Luarea de mită", 2));
        assertThat(facets.byActivity()).containsExactly(new Bucket(activity.toString(), "Constatarea contravențiilor", 3));
        assertThat(queries.facets(AssessmentFilter.none(), clujOnly, null).total()).isEqualTo(2);

        // inactivated: out of lists and facets unless asked for
        both(new RiskAssessmentInactivated(unevaluated), 1);
        assertThat(queries.facets(AssessmentFilter.none(), OrgScope.everything(), null).total()).isEqualTo(2);
        AssessmentFilter withInactive = new AssessmentFilter(null, null, null, null, null, null, null, null, null, null, true);
        assertThat(queries.facets(withInactive, OrgScope.everything(), null).total()).isEqualTo(3);

        // text: the description lists, measures, names; diacritics folded; last word a prefix
        client.indices().refresh(r -> r.index(index.name()));
        assertThat(search.matching("soferi care ofera")).containsExactly(assessment);
        assertThat(search.matching("rotatia personalului")).containsExactly(assessment);
        assertThat(search.matching("Favorizarea")).containsExactly(unevaluated);
        assertThat(search.matching("iasi mita")).containsExactly(iasiAssessment);
        assertThat(search.matching("mita nimic")).isEmpty();
        List<UUID> mita = search.matching("luarea de mi");
        assertThat(mita).containsExactlyInAnyOrder(assessment, iasiAssessment);
        assertThat(ids(queries.assessments(AssessmentFilter.none(), clujOnly, mita, 50, null))).containsExactly(assessment);
        assertThat(queries.facets(AssessmentFilter.none(), OrgScope.everything(), List.of()).total()).isZero();
    }

    @Test
    void the_dry_run_re_bands_the_current_exposures_and_changes_nothing() {
        UUID moderate = UUID.randomUUID();
        UUID inactive = UUID.randomUUID();
        both(started(assessment, cluj, "IPJ Cluj", risk, "Luarea de mită"), 0);
        both(evaluated(assessment, 1, 4), 1); // 18.64 high
        both(started(moderate, cluj, "IPJ Cluj", otherRisk, "Favorizarea unor persoane"), 0);
        both(evaluated(moderate, 1, 2), 1); // 9.32 moderate
        both(started(inactive, iasi, "IPJ Iași", risk, "Luarea de mită"), 0);
        both(evaluated(inactive, 1, 2), 1);
        both(new RiskAssessmentInactivated(inactive), 2);
        both(started(UUID.randomUUID(), iasi, "IPJ Iași", risk, "Luarea de mită"), 0); // not evaluated

        assertThat(queries.dryRun(methodology)).isEqualTo(new DryRunResult(2, 0, 0, 0, List.of()));

        // high from 20, moderate from 9.5: 18.64 becomes moderate (priority 2), 9.32 minor (priority 3)
        MethodologyContent stricter = new MethodologyContent(methodology.probabilityScale(), methodology.impactScale(),
                methodology.effectivenessGrid(), List.of(
                band(methodology.priorityBands().get(0), "20.00"), band(methodology.priorityBands().get(1), "9.50"),
                methodology.priorityBands().get(2)));
        assertThat(stricter.problems()).isEmpty();
        DryRunResult result = queries.dryRun(stricter);
        assertThat(result.evaluated()).isEqualTo(2);
        assertThat(result.changed()).isEqualTo(2);
        assertThat(result.classChanges()).isEqualTo(2);
        assertThat(result.priorityChanges()).isEqualTo(2);
        assertThat(result.changes()).extracting(DryRunResult.Change::assessmentId).containsExactly(moderate, assessment);
        DryRunResult.Change high = result.changes().get(1);
        assertThat(high.exposure()).isEqualByComparingTo("18.64");
        assertThat(high.riskClass()).isEqualTo(RiskClass.HIGH);
        assertThat(high.priority()).isEqualTo(1);
        assertThat(high.candidateClass()).isEqualTo(RiskClass.MODERATE);
        assertThat(high.candidatePriority()).isEqualTo(2);
        assertThat(high.methodologyVersion()).isEqualTo(1);
        assertThat(high.riskName()).isEqualTo("Luarea de mită");
        // nothing changed
        assertThat(queries.assessment(assessment).orElseThrow().evaluation().riskClass()).isEqualTo(RiskClass.HIGH);
        assertThat(queries.dryRun(methodology).changed()).isZero();
    }

    private static PriorityBand band(PriorityBand band, String minExposure) {
        return new PriorityBand(band.priority(), band.riskClass(), new BigDecimal(minExposure), band.label(),
                band.interventionTerm());
    }

    private static AssessmentFilter filter(Set<RiskClass> classes, Set<Integer> priorities, Set<UUID> risks) {
        return new AssessmentFilter(null, null, null, null, null, risks, null, null, classes, priorities, false);
    }

    private static List<UUID> ids(Page<AssessmentView> page) {
        return page.items().stream().map(AssessmentView::id).toList();
    }
}
