package ro.marc.events.assessment;

import ro.marc.events.methodology.RiskEvaluation;

import java.util.ArrayList;
import java.util.List;

/**
 * A401: whether each section of an assessment is complete, incomplete or invalid, with the reasons. One rule for
 * both sides: the command side finalises only when every section is COMPLETE (and refuses with the first reason),
 * the API shows the same reports so a front end can colour the form.
 *
 * <ul>
 *   <li>DESCRIPTION: each of the four lists has an entry; at least one effect.</li>
 *   <li>EVALUATION: evaluated; INVALID when its probability is below {@code lowestAllowedProbability} (an
 *       incident was linked to the risk since).</li>
 *   <li>MEASURES: at least one measure; every one described, every existing one has its four criteria answered,
 *       every additional one its responsible; an evaluation of priority 1 or 2 needs an additional measure.</li>
 *   <li>INDICATORS: every measure has an indicator; every indicator is named, a qualitative one has two or more
 *       allowed values.</li>
 * </ul>
 */
public final class AssessmentSections {

    /** The codes of the reasons (the API's error codes). */
    public static final String REQUIRED = "REQUIRED";
    public static final String BELOW_INCIDENT_FLOOR = "BELOW_INCIDENT_FLOOR";
    public static final String ADDITIONAL_MEASURE_REQUIRED = "ADDITIONAL_MEASURE_REQUIRED";

    private AssessmentSections() {
    }

    /**
     * The four reports in the form's order. A section is INVALID when one of its reasons makes it so (a probability
     * below the floor), INCOMPLETE when something is missing, else COMPLETE. Reasons name the field as the API spells
     * it ({@code description.threatSources}, {@code measures[1].criteria}, {@code measures[0].indicators[2].name}).
     *
     * @param evaluation               the current evaluation, or null when not evaluated yet
     * @param lowestAllowedProbability 1, or 3 / 4 when incidents are linked to the risk elsewhere / in the structure
     */
    public static List<SectionReport> check(RiskDescription description, RiskEvaluation evaluation, List<Measure> measures,
                                            int lowestAllowedProbability) {
        RiskDescription given = description == null ? RiskDescription.empty() : description;
        List<Measure> all = measures == null ? List.of() : measures;
        return List.of(description(given), evaluation(evaluation, lowestAllowedProbability), measures(all, evaluation),
                indicators(all));
    }

    /** The first reason of the first section not COMPLETE, or null when all are: what finalisation is refused with. */
    public static SectionReport.Reason firstReason(List<SectionReport> reports) {
        return reports.stream().filter(r -> r.status() != SectionStatus.COMPLETE)
                .map(r -> r.reasons().getFirst()).findFirst().orElse(null);
    }

    private static SectionReport description(RiskDescription d) {
        List<SectionReport.Reason> reasons = new ArrayList<>();
        required(reasons, "description.exposedPersonnel", d.exposedPersonnel(), "the categories of personnel exposed");
        required(reasons, "description.controlWeaknesses", d.controlWeaknesses(), "the weaknesses of prevention / control");
        required(reasons, "description.threatSources", d.threatSources(), "the threat sources");
        required(reasons, "description.cultureParticularities", d.cultureParticularities(),
                "the particularities of organisational culture and human resources");
        required(reasons, "description.effectIds", d.effectIds(), "an effect / consequence");
        return report(AssessmentSection.DESCRIPTION, reasons, false);
    }

    private static SectionReport evaluation(RiskEvaluation evaluation, int lowestAllowedProbability) {
        if (evaluation == null) {
            return report(AssessmentSection.EVALUATION, List.of(missing("probability",
                    "The risk is not scored yet: its probability and impacts are required")), false);
        }
        if (evaluation.probability() < lowestAllowedProbability) {
            return report(AssessmentSection.EVALUATION, List.of(new SectionReport.Reason("probability", BELOW_INCIDENT_FLOOR,
                    "Integrity incidents are linked to this risk: its probability is at least " + lowestAllowedProbability
                            + ", not " + evaluation.probability() + "; score it again")), true);
        }
        return report(AssessmentSection.EVALUATION, List.of(), false);
    }

    private static SectionReport measures(List<Measure> measures, RiskEvaluation evaluation) {
        List<SectionReport.Reason> reasons = new ArrayList<>();
        if (measures.isEmpty()) {
            reasons.add(missing("measures", "At least one measure of prevention / control is required"));
        }
        if (evaluation != null && evaluation.priority() <= 2
                && measures.stream().noneMatch(m -> m.kind() == MeasureKind.ADDITIONAL)) {
            reasons.add(new SectionReport.Reason("measures", ADDITIONAL_MEASURE_REQUIRED, "A risk of priority "
                    + evaluation.priority() + " (" + evaluation.riskClass() + ") needs at least one additional measure"));
        }
        for (int i = 0; i < measures.size(); i++) {
            Measure measure = measures.get(i);
            String at = "measures[" + i + "]";
            if (isBlank(measure.description())) {
                reasons.add(missing(at + ".description", "The measure is described"));
            }
            if (measure.kind() == MeasureKind.EXISTING && (measure.criteria() == null || !measure.criteria().complete())) {
                reasons.add(missing(at + ".criteria", "An existing measure answers the four Anexa 8 criteria"));
            }
            if (measure.kind() == MeasureKind.ADDITIONAL && isBlank(measure.responsible())) {
                reasons.add(missing(at + ".responsible", "An additional measure names the person responsible for it"));
            }
        }
        return report(AssessmentSection.MEASURES, reasons, false);
    }

    private static SectionReport indicators(List<Measure> measures) {
        List<SectionReport.Reason> reasons = new ArrayList<>();
        if (measures.isEmpty()) {
            reasons.add(missing("measures", "Indicators are given for the measures: add a measure first"));
        }
        for (int i = 0; i < measures.size(); i++) {
            List<Indicator> indicators = measures.get(i).indicators();
            String at = "measures[" + i + "].indicators";
            if (indicators.isEmpty()) {
                reasons.add(missing(at, "Every measure has at least one evaluation indicator"));
            }
            for (int j = 0; j < indicators.size(); j++) {
                Indicator indicator = indicators.get(j);
                if (isBlank(indicator.name())) {
                    reasons.add(missing(at + "[" + j + "].name", "The indicator is named"));
                }
                if (indicator.kind() == IndicatorKind.QUALITATIVE && indicator.allowedValues().size() < 2) {
                    reasons.add(missing(at + "[" + j + "].allowedValues",
                            "A qualitative indicator lists two or more allowed values"));
                }
            }
        }
        return report(AssessmentSection.INDICATORS, reasons, false);
    }

    private static void required(List<SectionReport.Reason> reasons, String field, List<?> list, String what) {
        if (list.isEmpty()) {
            reasons.add(missing(field, "The assessment names " + what));
        }
    }

    private static SectionReport.Reason missing(String field, String message) {
        return new SectionReport.Reason(field, REQUIRED, message);
    }

    private static SectionReport report(AssessmentSection section, List<SectionReport.Reason> reasons, boolean invalid) {
        SectionStatus status = reasons.isEmpty() ? SectionStatus.COMPLETE : invalid ? SectionStatus.INVALID : SectionStatus.INCOMPLETE;
        return new SectionReport(section, status, reasons);
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    /** Whether every report is COMPLETE. */
    public static boolean complete(List<SectionReport> reports) {
        return reports.stream().allMatch(r -> r.status() == SectionStatus.COMPLETE);
    }
}
