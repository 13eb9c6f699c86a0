package ro.marc.command.assessment;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ro.marc.command.assessment.FinalisedAssessments.FinalisedAssessment;
import ro.marc.command.assessment.FinalisedAssessments.IdentifiedEdition;
import ro.marc.command.support.TestDatabase;
import ro.marc.events.assessment.*;
import ro.marc.events.assessment.event.*;
import ro.marc.events.methodology.EffectivenessLevel;
import ro.marc.events.methodology.ImpactScore;
import ro.marc.events.methodology.MeasureEffectiveness;
import ro.marc.events.methodology.RiskClass;
import ro.marc.events.methodology.RiskEvaluation;
import ro.marc.events.org.County;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link AssessmentEditionLookup} on a real PostgreSQL: each assessment's last finalised edition (JSON read back
 * whole), a re-evaluation of the finalised edition replacing the evaluation but not one of a later draft, inactive
 * assessments left out of the plan's list, the list's order, events applied twice or late harmless, and a rebuild.
 */
class AssessmentEditionLookupPostgresTest {

    private final AssessmentEditionLookup lookup = new AssessmentEditionLookup(TestDatabase.dataSource());
    private final UUID plan = UUID.randomUUID();
    private final UUID orgUnit = UUID.randomUUID();
    private final UUID a1 = UUID.randomUUID();
    private final UUID a2 = UUID.randomUUID();
    private final UUID a3 = UUID.randomUUID();
    private final UUID measure = UUID.randomUUID();
    private final UUID indicator = UUID.randomUUID();

    @BeforeEach
    void empty() {
        lookup.clear();
    }

    private void apply(UUID id, long seq, Object event) {
        lookup.apply(new GenericDomainEventMessage<>("RiskAssessment", id.toString(), seq, event));
    }

    private RiskAssessmentStarted started(UUID id, String workUnit, String member) {
        return new RiskAssessmentStarted(id, plan, "Evaluarea riscurilor 2026", orgUnit, "IPJ Cluj", County.CJ,
                UUID.randomUUID(), workUnit, UUID.randomUUID(), "Achiziții", UUID.randomUUID(), "Atribuirea contractelor",
                UUID.randomUUID(), "Favorizarea unui ofertant", UUID.randomUUID(), member);
    }

    static RiskEvaluation evaluation(int probability, String exposure) {
        return new RiskEvaluation(probability, List.of(new ImpactScore(UUID.fromString("00000000-0000-4000-8000-0000000000b1"), 100, 4)),
                new BigDecimal("4.00"), new BigDecimal(exposure), 2, RiskClass.MODERATE, "În 6 luni", 1);
    }

    private AssessmentEdition edition(RiskAssessmentStarted s, int number, RiskEvaluation evaluation) {
        return new AssessmentEdition(number, plan, s.planPurpose(), orgUnit, "IPJ Cluj", County.CJ, s.workUnitId(),
                s.workUnitName(), s.domainId(), s.domainName(), s.activityId(), s.activityName(), s.riskId(), s.riskName(),
                s.memberUserId(), s.memberName(), LocalDate.of(2027, 3, 20), LocalDate.of(2027, 5, 31), false,
                new RiskDescription(List.of("Comisia"), List.of("Lipsa rotației"), List.of("Ofertanți"), List.of("Toleranța"),
                        List.of(UUID.randomUUID()), List.of()),
                evaluation, List.of(new Measure(measure, MeasureKind.ADDITIONAL, "Rotația membrilor", null, "Șeful serviciului",
                        List.of(new Indicator(indicator, "Calitatea", IndicatorKind.QUALITATIVE, List.of("Slab", "Bine"))))),
                Map.of(measure, new MeasureEffectiveness(3, EffectivenessLevel.PARTIALLY_EFFECTIVE, "Parțial eficientă", 1)), Map.of(UUID.randomUUID(), "Lege 98/2016"));
    }

    private List<AssessmentEdition> editions(UUID planId) {
        return lookup.editionsUnder(planId).stream().map(IdentifiedEdition::edition).toList();
    }

    @Test
    void the_last_finalised_edition_of_each_active_assessment_with_its_current_evaluation() {
        assertThat(lookup.handles(RiskAssessmentFinalised.class)).isTrue();
        assertThat(lookup.handles(RiskAssessmentDraftSaved.class)).as("a draft does not count").isFalse();
        RiskAssessmentStarted s1 = started(a1, "Serviciul logistic", "Ioana Mureșan");
        RiskAssessmentStarted s2 = started(a2, "Serviciul logistic", "Andrei Pop");
        RiskAssessmentStarted s3 = started(a3, "Biroul achiziții", "Radu Ionescu");
        apply(a1, 0, s1);
        apply(a2, 0, s2);
        apply(a3, 0, s3);
        assertThat(editions(plan)).as("started, not finalised").isEmpty();
        assertThat(lookup.finalised(a1)).isEmpty();

        apply(a1, 1, new RiskEvaluated(a1, 1, evaluation(3, "12.00"), Map.of(), 1, List.of()));
        AssessmentEdition first = edition(s1, 1, evaluation(3, "12.00"));
        apply(a1, 2, new RiskAssessmentFinalised(a1, first));
        apply(a2, 1, new RiskAssessmentFinalised(a2, edition(s2, 1, evaluation(2, "8.00"))));
        apply(a3, 1, new RiskAssessmentFinalised(a3, edition(s3, 1, evaluation(4, "16.00"))));
        assertThat(lookup.finalised(a1)).contains(new FinalisedAssessment(first, true));
        assertThat(lookup.editionsUnder(plan)).extracting(IdentifiedEdition::assessmentId)
                .as("by work unit name, then member name").containsExactly(a3, a2, a1);
        assertThat(editions(UUID.randomUUID())).isEmpty();
        assertThat(editions(null)).isEmpty();

        // monitoring: a re-evaluation of the finalised edition replaces the evaluation the register shows
        apply(a1, 3, new RiskEvaluated(a1, 1, evaluation(5, "20.00"), Map.of(), 1, List.of()));
        assertThat(lookup.finalised(a1).orElseThrow().edition().evaluation().exposure()).isEqualByComparingTo("20.00");
        assertThat(lookup.finalised(a1).orElseThrow().edition().measures()).isEqualTo(first.measures());
        // a new edition's draft is scored: the finalised edition keeps its evaluation until edition 2 is finalised
        apply(a1, 4, new AssessmentEditionStarted(a1, 2));
        apply(a1, 5, new RiskEvaluated(a1, 2, evaluation(1, "4.00"), Map.of(), 1, List.of()));
        assertThat(lookup.finalised(a1).orElseThrow().edition().evaluation().exposure()).isEqualByComparingTo("20.00");
        AssessmentEdition second = edition(s1, 2, evaluation(1, "4.00"));
        apply(a1, 6, new RiskAssessmentFinalised(a1, second));
        assertThat(lookup.finalised(a1).orElseThrow().edition()).isEqualTo(second);

        // inactive: kept, out of the plan's list; reactivated: back
        apply(a2, 2, new RiskAssessmentInactivated(a2));
        assertThat(editions(plan)).extracting(AssessmentEdition::memberName).containsExactly("Radu Ionescu", "Ioana Mureșan");
        assertThat(lookup.finalised(a2).orElseThrow().active()).isFalse();
        apply(a2, 2, new RiskAssessmentInactivated(a2)); // twice
        apply(a2, 3, new RiskAssessmentReactivated(a2));
        apply(a2, 2, new RiskAssessmentInactivated(a2)); // late: changes nothing
        assertThat(lookup.finalised(a2).orElseThrow().active()).isTrue();
        apply(a1, 2, new RiskAssessmentFinalised(a1, first)); // an older finalisation again changes nothing
        assertThat(lookup.finalised(a1).orElseThrow().edition()).isEqualTo(second);

        lookup.clear(); // a rebuild starts empty and applies the past again
        assertThat(editions(plan)).isEmpty();
        apply(a1, 0, s1);
        apply(a1, 2, new RiskAssessmentFinalised(a1, first));
        apply(a1, 3, new RiskEvaluated(a1, 1, evaluation(5, "20.00"), Map.of(), 1, List.of()));
        assertThat(editions(plan)).singleElement()
                .satisfies(e -> assertThat(e.evaluation().probability()).isEqualTo(5));
    }
}
