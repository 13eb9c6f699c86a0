package ro.marc.events.methodology;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link MethodologyContent}: the defaults (version 1) are publishable and say what docs/domain.md says; every kind
 * of problem is named by its field and code; the bands and the effectiveness grid answer every exposure and every
 * count of criteria met, exactly at the thresholds.
 */
class MethodologyContentTest {

    private static final MethodologyContent DEFAULTS = MethodologyContent.defaults();

    @Test
    void the_defaults_have_no_problems_and_are_the_domain_tables() {
        assertThat(DEFAULTS.problems()).isEmpty();
        assertThat(DEFAULTS.probabilityScale()).extracting(ScaleLevel::score).containsExactly(1, 2, 3, 4, 5);
        assertThat(DEFAULTS.impactScale()).extracting(ScaleLevel::score).containsExactly(1, 2, 3, 4, 5);
        assertThat(DEFAULTS.priorityBands()).extracting(PriorityBand::priority, PriorityBand::riskClass, PriorityBand::minExposure)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, RiskClass.HIGH, new BigDecimal("15.00")),
                        org.assertj.core.groups.Tuple.tuple(2, RiskClass.MODERATE, new BigDecimal("8.00")),
                        org.assertj.core.groups.Tuple.tuple(3, RiskClass.MINOR, new BigDecimal("1.00")));
        assertThat(DEFAULTS).isEqualTo(MethodologyContent.defaults()); // a value: equal content is equal
    }

    @ParameterizedTest(name = "exposure {0} → priority {1}, {2}")
    @CsvSource({"1.00, 3, MINOR", "7.99, 3, MINOR", "8.00, 2, MODERATE", "14.99, 2, MODERATE", "15.00, 1, HIGH",
            "25.00, 1, HIGH", "13.98, 2, MODERATE"})
    void the_default_bands_hold_every_exposure_with_the_thresholds_in_the_higher_band(String exposure, int priority,
                                                                                      RiskClass riskClass) {
        PriorityBand band = DEFAULTS.band(new BigDecimal(exposure));
        assertThat(band.priority()).isEqualTo(priority);
        assertThat(band.riskClass()).isEqualTo(riskClass);
        assertThat(band.interventionTerm()).isNotBlank();
    }

    @Test
    void an_exposure_below_every_band_is_an_error_not_a_guess() {
        assertThatThrownBy(() -> DEFAULTS.band(new BigDecimal("0.99"))).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "{0} criteria met → {1}")
    @CsvSource({"0, INEFFECTIVE", "1, INEFFECTIVE", "2, PARTIALLY_EFFECTIVE", "3, PARTIALLY_EFFECTIVE", "4, EFFECTIVE"})
    void the_default_grid_gives_every_count_of_criteria_one_level(int met, EffectivenessLevel level) {
        assertThat(DEFAULTS.effectiveness(met).level()).isEqualTo(level);
    }

    @Test
    void criteria_count_only_the_answers_yes_and_are_complete_when_all_four_are_answered() {
        EffectivenessCriteria partial = new EffectivenessCriteria(true, false, null, true);
        assertThat(partial.met()).isEqualTo(2);
        assertThat(partial.complete()).isFalse();
        assertThat(new EffectivenessCriteria(true, true, true, true).met()).isEqualTo(4);
        assertThat(new EffectivenessCriteria(false, false, false, false).complete()).isTrue();
        assertThat(EffectivenessCriteria.unanswered().met()).isZero();
    }

    @Test
    void the_effectiveness_of_a_count_outside_the_grid_is_an_error() {
        assertThatThrownBy(() -> DEFAULTS.effectiveness(5)).isInstanceOf(IllegalArgumentException.class);
    }

    // ------------------------------------------------------------------ problems, one kind at a time

    private static MethodologyContent with(List<ScaleLevel> probability, List<ScaleLevel> impact,
                                          List<EffectivenessBand> grid, List<PriorityBand> bands) {
        return new MethodologyContent(probability == null ? DEFAULTS.probabilityScale() : probability,
                impact == null ? DEFAULTS.impactScale() : impact, grid == null ? DEFAULTS.effectivenessGrid() : grid,
                bands == null ? DEFAULTS.priorityBands() : bands);
    }

    private static <T> List<T> replaced(List<T> list, int index, T value) {
        List<T> copy = new ArrayList<>(list);
        copy.set(index, value);
        return copy;
    }

    private static void onlyProblem(MethodologyContent content, String field, String code) {
        assertThat(content.problems()).extracting(MethodologyProblem::field, MethodologyProblem::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(field, code));
    }

    @Test
    void a_scale_of_other_than_five_steps_or_out_of_order() {
        onlyProblem(with(DEFAULTS.probabilityScale().subList(0, 4), null, null, null), "probabilityScale", "SCALE_STEPS");
        onlyProblem(with(null, List.of(), null, null), "impactScale", "SCALE_STEPS");
        ScaleLevel three = DEFAULTS.impactScale().get(2);
        onlyProblem(with(null, replaced(DEFAULTS.impactScale(), 2, new ScaleLevel(4, three.label(), three.descriptor())), null, null),
                "impactScale[2].score", "SCALE_STEPS");
    }

    @Test
    void scale_texts_are_required_and_bounded() {
        ScaleLevel one = DEFAULTS.probabilityScale().getFirst();
        onlyProblem(with(replaced(DEFAULTS.probabilityScale(), 0, new ScaleLevel(1, " ", one.descriptor())), null, null, null),
                "probabilityScale[0].label", "REQUIRED");
        onlyProblem(with(replaced(DEFAULTS.probabilityScale(), 0, new ScaleLevel(1, one.label(), "x".repeat(2001))), null, null, null),
                "probabilityScale[0].descriptor", "TOO_LONG");
        onlyProblem(with(replaced(DEFAULTS.probabilityScale(), 0, new ScaleLevel(1, "x".repeat(201), one.descriptor())), null, null, null),
                "probabilityScale[0].label", "TOO_LONG");
    }

    @Test
    void a_grid_must_give_every_count_exactly_one_row() {
        // 4 criteria met falls in no row
        onlyProblem(with(null, null, DEFAULTS.effectivenessGrid().subList(0, 2), null), "effectivenessGrid", "GRID_COVERAGE");
        // 3 criteria met falls in two rows
        List<EffectivenessBand> overlapping = replaced(DEFAULTS.effectivenessGrid(), 2,
                new EffectivenessBand(3, 4, EffectivenessLevel.EFFECTIVE, "Eficientă"));
        assertThat(with(null, null, overlapping, null).problems()).extracting(MethodologyProblem::code).containsExactly("GRID_COVERAGE");
        assertThat(with(null, null, overlapping, null).problems().getFirst().message()).contains("3 criteria met falls in 2 rows");
    }

    @Test
    void a_grid_row_outside_0_to_4_or_without_level_or_label() {
        List<EffectivenessBand> reversed = replaced(DEFAULTS.effectivenessGrid(), 1,
                new EffectivenessBand(3, 2, EffectivenessLevel.PARTIALLY_EFFECTIVE, "Parțial"));
        assertThat(with(null, null, reversed, null).problems()).extracting(MethodologyProblem::field, MethodologyProblem::code)
                .startsWith(org.assertj.core.groups.Tuple.tuple("effectivenessGrid[1].minCriteriaMet", "GRID_RANGE"));
        List<EffectivenessBand> beyond = replaced(DEFAULTS.effectivenessGrid(), 2,
                new EffectivenessBand(4, 5, EffectivenessLevel.EFFECTIVE, "Eficientă"));
        assertThat(with(null, null, beyond, null).problems()).extracting(MethodologyProblem::code).contains("GRID_RANGE");
        List<EffectivenessBand> noLevel = replaced(DEFAULTS.effectivenessGrid(), 2, new EffectivenessBand(4, 4, null, "Eficientă"));
        assertThat(with(null, null, noLevel, null).problems()).extracting(MethodologyProblem::field, MethodologyProblem::code)
                .startsWith(org.assertj.core.groups.Tuple.tuple("effectivenessGrid[2].level", "REQUIRED"));
        List<EffectivenessBand> noLabel = replaced(DEFAULTS.effectivenessGrid(), 2,
                new EffectivenessBand(4, 4, EffectivenessLevel.EFFECTIVE, ""));
        onlyProblem(with(null, null, noLabel, null), "effectivenessGrid[2].label", "REQUIRED");
    }

    @Test
    void three_bands_in_order_high_moderate_minor() {
        onlyProblem(with(null, null, null, DEFAULTS.priorityBands().subList(0, 2)), "priorityBands", "BANDS");
        List<PriorityBand> swapped = List.of(DEFAULTS.priorityBands().get(1), DEFAULTS.priorityBands().get(0),
                DEFAULTS.priorityBands().get(2));
        onlyProblem(with(null, null, null, swapped), "priorityBands[0].priority", "BANDS");
        PriorityBand high = DEFAULTS.priorityBands().getFirst();
        onlyProblem(with(null, null, null, replaced(DEFAULTS.priorityBands(), 0,
                        new PriorityBand(1, RiskClass.MODERATE, high.minExposure(), high.label(), high.interventionTerm()))),
                "priorityBands[0].priority", "BANDS");
        onlyProblem(with(null, null, null, replaced(DEFAULTS.priorityBands(), 0,
                        new PriorityBand(1, RiskClass.HIGH, null, high.label(), high.interventionTerm()))),
                "priorityBands[0].minExposure", "REQUIRED");
        onlyProblem(with(null, null, null, replaced(DEFAULTS.priorityBands(), 0,
                        new PriorityBand(1, RiskClass.HIGH, high.minExposure(), high.label(), " "))),
                "priorityBands[0].interventionTerm", "REQUIRED");
    }

    @Test
    void thresholds_rise_strictly_from_1_00_within_1_to_25() {
        onlyProblem(bands("15.00", "8.00", "2.00"), "priorityBands[2].minExposure", "BAND_THRESHOLDS");
        onlyProblem(bands("8.00", "8.00", "1.00"), "priorityBands[0].minExposure", "BAND_THRESHOLDS");
        onlyProblem(bands("7.00", "8.00", "1.00"), "priorityBands[0].minExposure", "BAND_THRESHOLDS");
        onlyProblem(bands("25.01", "8.00", "1.00"), "priorityBands[0].minExposure", "BAND_THRESHOLDS");
        onlyProblem(bands("15.00", "1.00", "1.00"), "priorityBands[0].minExposure", "BAND_THRESHOLDS");
        assertThat(bands("25.00", "1.01", "1.00").problems()).isEmpty();
        assertThat(bands("20.00", "10.00", "1.00").band(new BigDecimal("19.99")).riskClass()).isEqualTo(RiskClass.MODERATE);
    }

    private static MethodologyContent bands(String high, String moderate, String minor) {
        List<PriorityBand> d = DEFAULTS.priorityBands();
        return with(null, null, null, List.of(
                new PriorityBand(1, RiskClass.HIGH, new BigDecimal(high), d.get(0).label(), d.get(0).interventionTerm()),
                new PriorityBand(2, RiskClass.MODERATE, new BigDecimal(moderate), d.get(1).label(), d.get(1).interventionTerm()),
                new PriorityBand(3, RiskClass.MINOR, new BigDecimal(minor), d.get(2).label(), d.get(2).interventionTerm())));
    }

    @Test
    void absent_lists_are_empty_and_all_their_problems_are_reported() {
        MethodologyContent empty = new MethodologyContent(null, null, null, null);
        assertThat(empty.problems()).extracting(MethodologyProblem::field)
                .containsExactly("probabilityScale", "impactScale", "effectivenessGrid", "effectivenessGrid",
                        "effectivenessGrid", "effectivenessGrid", "effectivenessGrid", "priorityBands");
    }

    @Test
    void a_threshold_with_more_than_two_decimals_is_refused_when_built() {
        assertThatThrownBy(() -> new PriorityBand(1, RiskClass.HIGH, new BigDecimal("15.001"), "x", "y"))
                .isInstanceOf(ArithmeticException.class);
        assertThat(new PriorityBand(1, RiskClass.HIGH, new BigDecimal("15"), "x", "y").minExposure()).isEqualTo(new BigDecimal("15.00"));
    }
}
