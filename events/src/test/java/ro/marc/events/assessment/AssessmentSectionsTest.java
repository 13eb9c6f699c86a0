package ro.marc.events.assessment;

import org.junit.jupiter.api.Test;
import ro.marc.events.methodology.EffectivenessCriteria;
import ro.marc.events.methodology.ImpactScore;
import ro.marc.events.methodology.MethodologyContent;
import ro.marc.events.methodology.RiskEvaluation;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static ro.marc.events.assessment.SectionStatus.*;

/** A401: each section's status and reasons, as a front end colours the form and finalisation refuses. */
class AssessmentSectionsTest {

    static final UUID EFFECT = UUID.randomUUID();

    static RiskDescription complete() {
        return new RiskDescription(List.of("Membrii comisiei"), List.of("Lipsa rotației"), List.of("Ofertanți"),
                List.of("Toleranța"), List.of(EFFECT), List.of());
    }

    static RiskEvaluation evaluation(int probability) {
        return RiskEvaluation.of(probability, List.of(new ImpactScore(UUID.randomUUID(), 100, 4)), MethodologyContent.defaults(), 1);
    }

    static Indicator indicator(IndicatorKind kind, String... values) {
        return new Indicator(UUID.randomUUID(), "Indicator", kind, List.of(values));
    }

    static Measure existing(EffectivenessCriteria criteria, Indicator... indicators) {
        return new Measure(UUID.randomUUID(), MeasureKind.EXISTING, "Existentă", criteria, null, List.of(indicators));
    }

    static Measure additional(String responsible, Indicator... indicators) {
        return new Measure(UUID.randomUUID(), MeasureKind.ADDITIONAL, "Suplimentară", null, responsible, List.of(indicators));
    }

    static final EffectivenessCriteria ANSWERED = new EffectivenessCriteria(true, false, true, true);

    private static List<String> fields(SectionReport report) {
        return report.reasons().stream().map(SectionReport.Reason::field).toList();
    }

    @Test
    void a_complete_assessment_has_four_complete_sections_in_the_forms_order() {
        List<SectionReport> reports = AssessmentSections.check(complete(), evaluation(3),
                List.of(existing(ANSWERED, indicator(IndicatorKind.NUMERIC)), additional("Șef", indicator(IndicatorKind.QUALITATIVE, "Slab", "Bine"))), 1);
        assertThat(reports).extracting(SectionReport::section).containsExactly(AssessmentSection.values());
        assertThat(reports).extracting(SectionReport::status).containsOnly(COMPLETE);
        assertThat(AssessmentSections.complete(reports)).isTrue();
        assertThat(AssessmentSections.firstReason(reports)).isNull();
    }

    @Test
    void an_empty_draft_is_incomplete_everywhere_and_names_what_is_missing() {
        List<SectionReport> reports = AssessmentSections.check(RiskDescription.empty(), null, List.of(), 1);
        assertThat(reports).extracting(SectionReport::status).containsOnly(INCOMPLETE);
        assertThat(fields(reports.get(0))).containsExactly("description.exposedPersonnel", "description.controlWeaknesses",
                "description.threatSources", "description.cultureParticularities", "description.effectIds");
        assertThat(fields(reports.get(1))).containsExactly("probability");
        assertThat(fields(reports.get(2))).containsExactly("measures");
        assertThat(AssessmentSections.firstReason(reports).field()).isEqualTo("description.exposedPersonnel");
        assertThat(AssessmentSections.complete(reports)).isFalse();
        assertThat(AssessmentSections.check(null, null, null, 1)).extracting(SectionReport::status).containsOnly(INCOMPLETE);
    }

    @Test
    void a_probability_below_the_incident_floor_makes_the_evaluation_invalid() {
        assertThat(AssessmentSections.check(complete(), evaluation(3), List.of(), 4).get(1))
                .satisfies(r -> {
                    assertThat(r.status()).isEqualTo(INVALID);
                    assertThat(r.reasons()).extracting(SectionReport.Reason::code).containsExactly("BELOW_INCIDENT_FLOOR");
                });
        assertThat(AssessmentSections.check(complete(), evaluation(3), List.of(), 3).get(1).status()).isEqualTo(COMPLETE);
        assertThat(AssessmentSections.check(complete(), evaluation(2), List.of(), 3).get(1).status()).isEqualTo(INVALID);
    }

    @Test
    void priorities_one_and_two_need_an_additional_measure_priority_three_does_not() {
        List<Measure> existingOnly = List.of(existing(ANSWERED, indicator(IndicatorKind.NUMERIC)));
        SectionReport high = AssessmentSections.check(complete(), evaluation(5), existingOnly, 1).get(2); // 20.00
        assertThat(high.status()).isEqualTo(INCOMPLETE);
        assertThat(high.reasons()).extracting(SectionReport.Reason::field, SectionReport.Reason::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("measures", "ADDITIONAL_MEASURE_REQUIRED"));
        assertThat(AssessmentSections.check(complete(), evaluation(2), existingOnly, 1).get(2).status()).isEqualTo(INCOMPLETE); // 8.00
        assertThat(AssessmentSections.check(complete(), evaluation(1), existingOnly, 1).get(2).status()).isEqualTo(COMPLETE); // 4.00
        assertThat(AssessmentSections.check(complete(), null, existingOnly, 1).get(2).status()).isEqualTo(COMPLETE);
    }

    @Test
    void measures_need_a_description_their_criteria_or_their_responsible_and_indicators_a_name_and_values() {
        List<Measure> measures = List.of(
                existing(new EffectivenessCriteria(true, null, true, true), indicator(IndicatorKind.NUMERIC)),
                additional(" ", indicator(IndicatorKind.QUALITATIVE, "Bine")),
                new Measure(UUID.randomUUID(), MeasureKind.EXISTING, null, ANSWERED, null, List.of()),
                existing(null, new Indicator(UUID.randomUUID(), null, IndicatorKind.DONE_NOT_DONE, List.of())));
        List<SectionReport> reports = AssessmentSections.check(complete(), evaluation(1), measures, 1);
        assertThat(fields(reports.get(2))).containsExactly("measures[0].criteria", "measures[1].responsible",
                "measures[2].description", "measures[3].criteria");
        assertThat(fields(reports.get(3))).containsExactly("measures[1].indicators[0].allowedValues", "measures[2].indicators",
                "measures[3].indicators[0].name");
        assertThat(reports.get(3).status()).isEqualTo(INCOMPLETE);
    }
}
