package ro.marc.api.local;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import ro.marc.api.support.ApiTestSupport;
import ro.marc.events.assessment.Indicator;
import ro.marc.events.assessment.IndicatorKind;
import ro.marc.events.assessment.Measure;
import ro.marc.events.assessment.MeasureKind;
import ro.marc.events.assessment.event.RiskEvaluated;
import ro.marc.events.methodology.EffectivenessLevel;
import ro.marc.events.methodology.MeasureEffectiveness;
import ro.marc.events.methodology.RiskClass;
import ro.marc.query.assessment.AssessmentFacets;
import ro.marc.query.assessment.AssessmentFilter;
import ro.marc.query.assessment.AssessmentQueries;
import ro.marc.query.assessment.AssessmentSearch;
import ro.marc.query.assessment.AssessmentView;
import ro.marc.query.assessment.EvaluationEntry;
import ro.marc.query.common.OrgScope;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo risk assessments (Anexa 4) as the start-up sequence seeded them in the local profile, read back from
 * the read model: high, moderate and minor finalised with the exact exposures; the same risk by two members
 * (A402); the incident floors of the same structure (4) and of another one (3) with the incidents behind them;
 * the evaluation history; existing and additional measures with indicators of every kind and every
 * effectiveness level; a draft left open; found by text without diacritics; the head notified; and a second
 * seeding sends nothing.
 */
class DemoRiskAssessmentsTest extends ApiTestSupport {

    private static final UUID HEAD_CLUJ = DemoAccess.userId("head.cluj");

    @Autowired
    private AssessmentQueries queries;

    @Autowired
    private AssessmentSearch search;

    @Autowired
    private EventStore eventStore;

    @Autowired
    private DemoRiskAssessments demo;

    @Autowired
    private JdbcClient jdbc;

    /** The assessment once the read model shows it finalised (or, for the draft, with its evaluation). */
    private AssessmentView settled(UUID id) {
        String status = id.equals(DemoRiskAssessments.DRAFT) ? "DRAFT" : "FINALISED";
        AssessmentView view = awaitValue(() -> queries.assessment(id).orElse(null),
                v -> v != null && status.equals(v.status()) && v.evaluation() != null);
        assertThat(view).as("assessment " + id + " in the read model, " + status).isNotNull();
        assertThat(view.status()).isEqualTo(status);
        return view;
    }

    @Test
    void high_moderate_and_minor_are_finalised_with_the_exact_exposures_and_a_draft_stays_open() {
        AssessmentView high = settled(DemoRiskAssessments.HIGH);
        AssessmentView moderate = settled(DemoRiskAssessments.MODERATE);
        AssessmentView minor = settled(DemoRiskAssessments.MINOR);

        assertThat(high.evaluation().riskClass()).isEqualTo(RiskClass.HIGH);
        assertThat(high.evaluation().priority()).isEqualTo(1);
        assertThat(high.evaluation().exposure()).isEqualTo(new BigDecimal("16.00"));
        assertThat(high.evaluation().globalImpact()).isEqualTo(new BigDecimal("4.00"));
        assertThat(moderate.evaluation().riskClass()).isEqualTo(RiskClass.MODERATE);
        assertThat(moderate.evaluation().priority()).isEqualTo(2);
        assertThat(moderate.evaluation().exposure()).isEqualTo(new BigDecimal("10.00"));
        assertThat(minor.evaluation().riskClass()).isEqualTo(RiskClass.MINOR);
        assertThat(minor.evaluation().priority()).isEqualTo(3);
        assertThat(minor.evaluation().exposure()).isEqualTo(new BigDecimal("7.20"));
        for (AssessmentView finalised : List.of(high, moderate, minor)) {
            assertThat(finalised.orgUnitName()).isEqualTo("Inspectoratul de Poliție Județean Cluj");
            assertThat(finalised.planId()).isEqualTo(DemoCampaign.CLUJ_PLAN);
            assertThat(finalised.finalisedEdition()).isEqualTo(1);
            assertThat(finalised.active()).isTrue();
            assertThat(finalised.evaluation().methodologyVersion()).isGreaterThanOrEqualTo(1);
        }
        // priorities 1 and 2 carry the additional measure they need; the regulatory cause of the activity is named
        assertThat(high.measures()).extracting(Measure::kind).contains(MeasureKind.ADDITIONAL);
        assertThat(moderate.measures()).extracting(Measure::kind).contains(MeasureKind.ADDITIONAL);
        assertThat(high.description().regulatoryCauseIds()).isNotEmpty();
        assertThat(high.names()).containsKeys(high.description().regulatoryCauseIds().toArray(UUID[]::new));

        AssessmentView draft = settled(DemoRiskAssessments.DRAFT);
        assertThat(draft.finalisedEdition()).isNull();
        assertThat(draft.description().threatSources()).isEmpty();
        assertThat(draft.measures()).isEmpty();
    }

    @Test
    void the_same_risk_is_assessed_by_two_members() {
        AssessmentView byMember = settled(DemoRiskAssessments.HIGH);
        AssessmentView byCounsellor = settled(DemoRiskAssessments.MODERATE);
        assertThat(byMember.riskId()).isEqualTo(byCounsellor.riskId())
                .isEqualTo(DemoNomenclature.riskId(DemoIncidents.CONTRAVENTII, DemoIncidents.MITA_CONTRAVENTII));
        assertThat(byMember.memberUserId()).isEqualTo(DemoAccess.userId("member.cluj"));
        assertThat(byCounsellor.memberUserId()).isEqualTo(DemoAccess.userId("counsellor.cluj"));
        assertThat(byMember.memberName()).isNotEqualTo(byCounsellor.memberName());
    }

    @Test
    void an_incident_in_the_structure_floors_the_probability_at_4_and_one_elsewhere_at_3() {
        settled(DemoRiskAssessments.HIGH);
        settled(DemoRiskAssessments.MINOR);
        RiskEvaluated same = lastEvaluation(DemoRiskAssessments.HIGH);
        assertThat(same.lowestAllowedProbability()).isEqualTo(4);
        assertThat(same.incidentIds()).contains(DemoIncidents.CLUJ_CONVICTION);
        RiskEvaluated elsewhere = lastEvaluation(DemoRiskAssessments.MINOR);
        assertThat(elsewhere.lowestAllowedProbability()).isEqualTo(3);
        assertThat(elsewhere.incidentIds()).contains(DemoIncidents.BUCHAREST_CONVICTION)
                .doesNotContain(DemoIncidents.BUCHAREST_ARCHIVED);
        // the draft's risk has no incident: every score was allowed, and it was scored 2
        assertThat(lastEvaluation(DemoRiskAssessments.DRAFT).lowestAllowedProbability()).isEqualTo(1);
        assertThat(settled(DemoRiskAssessments.DRAFT).evaluation().probability()).isEqualTo(2);
    }

    @Test
    void the_history_keeps_both_evaluations_of_the_high_risk() {
        settled(DemoRiskAssessments.HIGH);
        List<EvaluationEntry> history = queries.history(DemoRiskAssessments.HIGH);
        assertThat(history).extracting(e -> e.evaluation().probability()).containsExactly(5, 4);
        assertThat(history).extracting(e -> e.evaluation().exposure())
                .containsExactly(new BigDecimal("20.00"), new BigDecimal("16.00"));
        assertThat(history).extracting(EvaluationEntry::lowestAllowedProbability).containsOnly(4);
        assertThat(history.getFirst().dimensionNames()).containsValue("Imaginea instituției");
    }

    @Test
    void measures_existing_and_additional_with_indicators_of_every_kind_and_every_effectiveness_level() {
        List<AssessmentView> finalised = DemoRiskAssessments.FINALISED.stream().map(this::settled).toList();
        List<Measure> measures = finalised.stream().flatMap(v -> v.measures().stream()).toList();
        assertThat(measures).extracting(Measure::kind).contains(MeasureKind.EXISTING, MeasureKind.ADDITIONAL);
        assertThat(measures).filteredOn(m -> m.kind() == MeasureKind.ADDITIONAL)
                .allSatisfy(m -> assertThat(m.responsible()).isNotBlank());
        assertThat(measures).allSatisfy(m -> assertThat(m.indicators()).isNotEmpty());

        List<Indicator> indicators = measures.stream().flatMap(m -> m.indicators().stream()).toList();
        assertThat(indicators).extracting(Indicator::kind)
                .contains(IndicatorKind.NUMERIC, IndicatorKind.DONE_NOT_DONE, IndicatorKind.QUALITATIVE);
        assertThat(indicators).filteredOn(i -> i.kind() == IndicatorKind.QUALITATIVE)
                .allSatisfy(i -> assertThat(i.allowedValues()).containsExactly("Slab", "Satisfăcător", "Bine", "Foarte bine"));

        // every existing measure scored on its four criteria, with the effectiveness the command side computed
        Map<UUID, MeasureEffectiveness> effectiveness = finalised.stream().flatMap(v -> v.effectiveness().entrySet().stream())
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(measures).filteredOn(m -> m.kind() == MeasureKind.EXISTING)
                .allSatisfy(m -> assertThat(effectiveness).containsKey(m.measureId()));
        assertThat(effectiveness.values()).extracting(MeasureEffectiveness::level).contains(EffectivenessLevel.EFFECTIVE,
                EffectivenessLevel.PARTIALLY_EFFECTIVE, EffectivenessLevel.INEFFECTIVE);
    }

    @Test
    void listed_with_facets_by_class_and_found_by_words_without_diacritics() {
        DemoRiskAssessments.ALL.forEach(this::settled);
        AssessmentFilter cluj = new AssessmentFilter(null, Set.of(DemoCampaign.CLUJ_PLAN), null, null, null, null, null,
                null, null, null, false);
        AssessmentFacets facets = queries.facets(cluj, OrgScope.everything(), null);
        assertThat(facets.total()).isGreaterThanOrEqualTo(DemoRiskAssessments.ALL.size());
        assertThat(facets.byClass()).extracting(AssessmentFacets.Bucket::key).contains("HIGH", "MODERATE", "MINOR");
        Collection<UUID> listed = queries.assessments(cluj, OrgScope.everything(), null, 100, null).items().stream()
                .map(AssessmentView::id).toList();
        assertThat(listed).containsAll(DemoRiskAssessments.ALL);

        assertThat(awaitValue(() -> search.matching("rotirea echipajelor body-cam"), ids -> ids.contains(DemoRiskAssessments.HIGH)))
                .contains(DemoRiskAssessments.HIGH).doesNotContain(DemoRiskAssessments.MINOR);
        assertThat(awaitValue(() -> search.matching("bonurile valorice"), ids -> ids.contains(DemoRiskAssessments.MINOR)))
                .contains(DemoRiskAssessments.MINOR);
    }

    @Test
    void the_head_of_the_working_group_is_notified_of_the_finalised_assessments() {
        long notified = awaitValue(() -> jdbc.sql("SELECT count(*) FROM notification WHERE recipient_user_id = ? AND kind = 'ASSESSMENT_FINALISED'")
                .param(HEAD_CLUJ).query(Long.class).single(), n -> n >= 3);
        assertThat(notified).as("head.cluj is notified of the three demo finalisations").isGreaterThanOrEqualTo(3);
    }

    @Test
    void seeding_again_sends_nothing() {
        DemoRiskAssessments.ALL.forEach(this::settled);
        Map<UUID, Integer> before = DemoRiskAssessments.ALL.stream()
                .collect(Collectors.toMap(id -> id, id -> DemoAccess.history(eventStore, id).size()));
        demo.seed();
        assertThat(DemoRiskAssessments.ALL.stream().collect(Collectors.toMap(id -> id,
                id -> DemoAccess.history(eventStore, id).size()))).isEqualTo(before);
    }

    private RiskEvaluated lastEvaluation(UUID assessmentId) {
        return DemoAccess.history(eventStore, assessmentId).stream().filter(RiskEvaluated.class::isInstance)
                .map(RiskEvaluated.class::cast).reduce((first, second) -> second)
                .orElseThrow(() -> new AssertionError("no evaluation of " + assessmentId));
    }
}
