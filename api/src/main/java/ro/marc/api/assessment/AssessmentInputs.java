package ro.marc.api.assessment;

import ro.marc.api.common.InvalidInput;
import ro.marc.events.assessment.Indicator;
import ro.marc.events.assessment.IndicatorKind;
import ro.marc.events.assessment.Measure;
import ro.marc.events.assessment.MeasureKind;
import ro.marc.events.assessment.RiskDescription;
import ro.marc.events.methodology.EffectivenessCriteria;
import ro.marc.events.methodology.ImpactScore;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import static ro.marc.api.common.Inputs.id;
import static ro.marc.api.common.Inputs.ids;

/**
 * The Anexa 4 form's GraphQL inputs and their translation into the commands' values. Only what a command cannot be
 * given is refused here, naming its place (a malformed id {@code measures[1].indicators[0].indicatorId}, a missing
 * list element or score); the rules of the content (required ids, lists, limits, personal data) are the command's,
 * which names the same fields.
 */
public final class AssessmentInputs {

    public record SaveInput(String id, DescriptionInput description, List<MeasureInput> measures, long expectedVersion) {
    }

    public record DescriptionInput(List<String> exposedPersonnel, List<String> controlWeaknesses, List<String> threatSources,
                            List<String> cultureParticularities, List<String> effectIds, List<String> regulatoryCauseIds) {
    }

    public record MeasureInput(String measureId, MeasureKind kind, String description, CriteriaInput criteria, String responsible,
                        List<IndicatorInput> indicators) {
    }

    public record CriteriaInput(Boolean addressesRisk, Boolean documented, Boolean communicated, Boolean appliedConsistently) {
    }

    public record IndicatorInput(String indicatorId, String name, IndicatorKind kind, List<String> allowedValues) {
    }

    public record EvaluateInput(String id, int probability, List<ImpactInput> impacts, long expectedVersion) {
    }

    public record ImpactInput(String dimensionId, Integer importance, Integer score) {
    }

    private AssessmentInputs() {
    }

    /** Absent lists are empty (a partial draft); null text entries are blank ones, which the command drops. */
    static RiskDescription description(DescriptionInput input) {
        if (input == null) {
            return RiskDescription.empty();
        }
        return new RiskDescription(texts(input.exposedPersonnel()), texts(input.controlWeaknesses()),
                texts(input.threatSources()), texts(input.cultureParticularities()),
                ids("description.effectIds", input.effectIds()), ids("description.regulatoryCauseIds", input.regulatoryCauseIds()));
    }

    static List<Measure> measures(List<MeasureInput> input) {
        if (input == null) {
            return List.of();
        }
        List<Measure> measures = new ArrayList<>();
        for (int i = 0; i < input.size(); i++) {
            MeasureInput m = input.get(i);
            String at = "measures[" + i + "]";
            if (m == null) {
                throw new InvalidInput(at, "REQUIRED", "A measure is required");
            }
            CriteriaInput c = m.criteria();
            EffectivenessCriteria criteria = c == null ? null
                    : new EffectivenessCriteria(c.addressesRisk(), c.documented(), c.communicated(), c.appliedConsistently());
            measures.add(new Measure(id(at + ".measureId", m.measureId()), m.kind(), m.description(), criteria,
                    m.responsible(), indicators(at, m.indicators())));
        }
        return measures;
    }

    public static List<ImpactScore> impacts(List<ImpactInput> input) {
        if (input == null) {
            return List.of();
        }
        List<ImpactScore> impacts = new ArrayList<>();
        for (int i = 0; i < input.size(); i++) {
            ImpactInput impact = input.get(i);
            String at = "impacts[" + i + "]";
            if (impact == null) {
                throw new InvalidInput(at, "REQUIRED", "An impact is required");
            }
            impacts.add(new ImpactScore(id(at + ".dimensionId", impact.dimensionId()),
                    required(at + ".importance", impact.importance()), required(at + ".score", impact.score())));
        }
        return impacts;
    }

    private static List<Indicator> indicators(String measure, List<IndicatorInput> input) {
        if (input == null) {
            return List.of();
        }
        List<Indicator> indicators = new ArrayList<>();
        for (int j = 0; j < input.size(); j++) {
            IndicatorInput indicator = input.get(j);
            String at = measure + ".indicators[" + j + "]";
            if (indicator == null) {
                throw new InvalidInput(at, "REQUIRED", "An indicator is required");
            }
            indicators.add(new Indicator(id(at + ".indicatorId", indicator.indicatorId()), indicator.name(), indicator.kind(),
                    texts(indicator.allowedValues())));
        }
        return indicators;
    }

    private static int required(String field, Integer value) {
        if (value == null) {
            throw new InvalidInput(field, "REQUIRED", "'" + field + "' is required");
        }
        return value;
    }

    private static List<String> texts(List<String> values) {
        return values == null ? List.of() : values.stream().filter(Objects::nonNull).toList();
    }
}
