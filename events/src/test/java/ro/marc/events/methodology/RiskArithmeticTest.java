package ro.marc.events.methodology;

import net.jqwik.api.*;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The arithmetic of §2.2.3.3 with the default methodology (Anexa 9: high from 15.00, moderate from 8.00): a table
 * of cases, the band boundaries exactly at 8 and 15 and the nearest exposures below them, and properties that
 * exposure, priority and class follow from P and the impacts for every valid input.
 */
class RiskArithmeticTest {

    private static final MethodologyContent DEFAULTS = MethodologyContent.defaults();

    /** "33:5 33:5 34:4" → the impacts (importance:score, one dimension each). */
    private static List<ImpactScore> impacts(String spec) {
        List<ImpactScore> impacts = new ArrayList<>();
        for (String part : spec.trim().split("\\s+")) {
            String[] is = part.split(":");
            impacts.add(new ImpactScore(UUID.randomUUID(), Integer.parseInt(is[0]), Integer.parseInt(is[1])));
        }
        return impacts;
    }

    @ParameterizedTest(name = "P {0} × [{1}] → impact {2}, exposure {3}, priority {4} {5}")
    @CsvSource(delimiter = '|', textBlock = """
            1 | 100:1             | 1.00 | 1.00  | 3 | MINOR
            3 | 33:5 33:5 34:4    | 4.66 | 13.98 | 2 | MODERATE
            1 | 33:1 33:1 34:1    | 1.00 | 1.00  | 3 | MINOR
            5 | 33:3 33:4 34:5    | 4.01 | 20.05 | 1 | HIGH
            2 | 25:1 25:2 25:3 25:4 | 2.50 | 5.00 | 3 | MINOR
            5 | 100:5             | 5.00 | 25.00 | 1 | HIGH
            2 | 100:4             | 4.00 | 8.00  | 2 | MODERATE
            4 | 50:2 50:2         | 2.00 | 8.00  | 2 | MODERATE
            3 | 66:3 34:2         | 2.66 | 7.98  | 3 | MINOR
            2 | 99:4 1:3          | 3.99 | 7.98  | 3 | MINOR
            3 | 100:5             | 5.00 | 15.00 | 1 | HIGH
            5 | 40:3 60:3         | 3.00 | 15.00 | 1 | HIGH
            3 | 99:5 1:4          | 4.99 | 14.97 | 2 | MODERATE
            4 | 26:4 74:4 | 4.00 | 16.00 | 1 | HIGH
            4 | 1:1 1:2 98:1      | 1.01 | 4.04  | 3 | MINOR
            """)
    void the_table_of_cases(int probability, String impacts, String globalImpact, String exposure, int priority, RiskClass riskClass) {
        RiskEvaluation evaluation = RiskEvaluation.of(probability, impacts(impacts), DEFAULTS, 1);
        assertThat(evaluation.globalImpact()).isEqualTo(new BigDecimal(globalImpact));
        assertThat(evaluation.exposure()).isEqualTo(new BigDecimal(exposure));
        assertThat(evaluation.exposure().scale()).isEqualTo(2);
        assertThat(evaluation.priority()).isEqualTo(priority);
        assertThat(evaluation.riskClass()).isEqualTo(riskClass);
        assertThat(evaluation.interventionTerm()).isEqualTo(DEFAULTS.priorityBands().get(priority - 1).interventionTerm());
        assertThat(evaluation.methodologyVersion()).isEqualTo(1);
    }

    @Example
    void the_bands_hold_their_lower_bound_and_not_the_exposure_just_below_it() {
        assertThat(DEFAULTS.band(new BigDecimal("8.00")).riskClass()).isEqualTo(RiskClass.MODERATE);
        assertThat(DEFAULTS.band(new BigDecimal("7.99")).riskClass()).isEqualTo(RiskClass.MINOR);
        assertThat(DEFAULTS.band(new BigDecimal("15.00")).riskClass()).isEqualTo(RiskClass.HIGH);
        assertThat(DEFAULTS.band(new BigDecimal("14.99")).riskClass()).isEqualTo(RiskClass.MODERATE);
        assertThat(DEFAULTS.band(new BigDecimal("1.00")).riskClass()).isEqualTo(RiskClass.MINOR);
        assertThat(DEFAULTS.band(new BigDecimal("25.00")).riskClass()).isEqualTo(RiskClass.HIGH);
    }

    @Example
    void invalid_input_is_not_computed() {
        assertThatThrownBy(() -> RiskEvaluation.of(0, impacts("100:3"), DEFAULTS, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RiskEvaluation.of(3, impacts("50:3 49:3"), DEFAULTS, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RiskEvaluation.of(3, impacts("100:6"), DEFAULTS, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RiskEvaluation.of(3, List.of(), DEFAULTS, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RiskArithmetic.exact(new BigDecimal("1.005"))).isInstanceOf(ArithmeticException.class);
    }

    // ---------------------------------------------------------------- properties

    @Property(tries = 2000)
    void exposure_is_exactly_p_times_the_sum_of_importance_times_score_over_a_hundred(
            @ForAll("probabilities") int probability, @ForAll("impacts") List<ImpactScore> impacts) {
        RiskEvaluation evaluation = RiskEvaluation.of(probability, impacts, DEFAULTS, 1);
        long weighted = impacts.stream().mapToLong(i -> (long) i.importance() * i.score()).sum();
        // in hundredths, exactly: no rounding anywhere
        assertThat(evaluation.globalImpact().scale()).isEqualTo(2);
        assertThat(evaluation.exposure().scale()).isEqualTo(2);
        assertThat(evaluation.globalImpact().unscaledValue().longValueExact()).isEqualTo(weighted);
        assertThat(evaluation.exposure().unscaledValue().longValueExact()).isEqualTo(probability * weighted);
        assertThat(evaluation.exposure()).isBetween(new BigDecimal("1.00"), new BigDecimal("25.00"));
        assertThat(evaluation.globalImpact()).isBetween(new BigDecimal("1.00"), new BigDecimal("5.00"));
    }

    @Property(tries = 2000)
    void the_class_and_priority_follow_the_band_of_the_exposure(@ForAll("probabilities") int probability,
                                                               @ForAll("impacts") List<ImpactScore> impacts) {
        RiskEvaluation evaluation = RiskEvaluation.of(probability, impacts, DEFAULTS, 1);
        long hundredths = probability * impacts.stream().mapToLong(i -> (long) i.importance() * i.score()).sum();
        RiskClass expected = hundredths >= 1500 ? RiskClass.HIGH : hundredths >= 800 ? RiskClass.MODERATE : RiskClass.MINOR;
        assertThat(evaluation.riskClass()).isEqualTo(expected);
        assertThat(evaluation.priority()).isEqualTo(switch (expected) {
            case HIGH -> 1;
            case MODERATE -> 2;
            case MINOR -> 3;
        });
    }

    @Property(tries = 500)
    void a_higher_probability_never_lowers_the_class(@ForAll("probabilities") int probability,
                                                     @ForAll("impacts") List<ImpactScore> impacts) {
        Assume.that(probability < 5);
        RiskEvaluation lower = RiskEvaluation.of(probability, impacts, DEFAULTS, 1);
        RiskEvaluation higher = RiskEvaluation.of(probability + 1, impacts, DEFAULTS, 1);
        assertThat(higher.exposure()).isGreaterThan(lower.exposure());
        assertThat(higher.priority()).isLessThanOrEqualTo(lower.priority());
    }

    @Provide
    Arbitrary<Integer> probabilities() {
        return Arbitraries.integers().between(1, 5);
    }

    /** 1–8 dimensions, importances 1–100 totalling exactly 100, scores 1–5. */
    @Provide
    Arbitrary<List<ImpactScore>> impacts() {
        return Arbitraries.integers().between(1, 8).flatMap(n ->
                Arbitraries.integers().between(1, 99).set().ofSize(n - 1).flatMap(cuts -> {
                    List<Integer> points = new ArrayList<>(cuts);
                    points.sort(null);
                    points.addFirst(0);
                    points.add(100);
                    return Arbitraries.integers().between(1, 5).list().ofSize(n).map(scores -> {
                        List<ImpactScore> impacts = new ArrayList<>();
                        for (int i = 0; i < n; i++) {
                            impacts.add(new ImpactScore(UUID.randomUUID(), points.get(i + 1) - points.get(i), scores.get(i)));
                        }
                        return impacts;
                    });
                }));
    }
}
