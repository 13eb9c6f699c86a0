package ro.marc.api.methodology;

import ro.marc.api.common.InvalidInput;
import ro.marc.events.methodology.EffectivenessBand;
import ro.marc.events.methodology.EffectivenessLevel;
import ro.marc.events.methodology.MethodologyContent;
import ro.marc.events.methodology.PriorityBand;
import ro.marc.events.methodology.RiskArithmetic;
import ro.marc.events.methodology.RiskClass;
import ro.marc.events.methodology.ScaleLevel;
import ro.marc.events.text.Excerpt;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The methodology's tables as GraphQL hands them in (publishMethodologyVersion, methodologyDryRun), turned into
 * {@link MethodologyContent}. The only check made here is the one the content cannot hold: a threshold that is not
 * a decimal of at most two places (INVALID_DECIMAL naming {@code priorityBands[i].minExposure}); everything else
 * is the command side's rule ({@code MethodologyRules}).
 */
public final class MethodologyInputs {

    public record ScaleLevelInput(int score, String label, String descriptor) {
    }

    public record EffectivenessBandInput(int minCriteriaMet, int maxCriteriaMet, EffectivenessLevel level, String label) {
    }

    public record PriorityBandInput(int priority, RiskClass riskClass, String minExposure, String label, String interventionTerm) {
    }

    public record MethodologyTablesInput(List<ScaleLevelInput> probabilityScale, List<ScaleLevelInput> impactScale,
                                  List<EffectivenessBandInput> effectivenessGrid, List<PriorityBandInput> priorityBands) {

        public MethodologyContent content() {
            return MethodologyInputs.content(probabilityScale, impactScale, effectivenessGrid, priorityBands);
        }
    }

    public record PublishMethodologyVersionInput(List<ScaleLevelInput> probabilityScale, List<ScaleLevelInput> impactScale,
                                          List<EffectivenessBandInput> effectivenessGrid,
                                          List<PriorityBandInput> priorityBands, String note, long expectedVersion) {

        public MethodologyContent content() {
            return MethodologyInputs.content(probabilityScale, impactScale, effectivenessGrid, priorityBands);
        }
    }

    private static final Pattern DECIMAL = Pattern.compile("-?[0-9]{1,6}(\\.[0-9]{1,2})?");

    private MethodologyInputs() {
    }

    static MethodologyContent content(List<ScaleLevelInput> probability, List<ScaleLevelInput> impact,
                                      List<EffectivenessBandInput> grid, List<PriorityBandInput> bands) {
        List<PriorityBand> priorityBands = new ArrayList<>();
        for (int i = 0; i < bands.size(); i++) {
            PriorityBandInput band = bands.get(i);
            priorityBands.add(new PriorityBand(band.priority(), band.riskClass(),
                    decimal("priorityBands[" + i + "].minExposure", band.minExposure()), band.label(), band.interventionTerm()));
        }
        return new MethodologyContent(map(probability, MethodologyInputs::level), map(impact, MethodologyInputs::level),
                map(grid, b -> new EffectivenessBand(b.minCriteriaMet(), b.maxCriteriaMet(), b.level(), b.label())),
                priorityBands);
    }

    private static ScaleLevel level(ScaleLevelInput level) {
        return new ScaleLevel(level.score(), level.label(), level.descriptor());
    }

    private static <I, T> List<T> map(List<I> given, Function<I, T> each) {
        return given.stream().map(each).toList();
    }

    /**
     * A decimal of at most two places written plainly ("15", "14.5", "14.50"), as the exposures are; no exponent
     * (1e999999999 would be a billion digits once written with two decimals).
     */
    static BigDecimal decimal(String field, String value) {
        String plain = value == null ? "" : value.strip();
        if (!DECIMAL.matcher(plain).matches()) {
            throw new InvalidInput(field, "INVALID_DECIMAL",
                    "Not a decimal number with at most two decimals: " + Excerpt.quoted(value));
        }
        return RiskArithmetic.exact(new BigDecimal(plain));
    }
}
