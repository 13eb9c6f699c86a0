package ro.marc.events.assessment;

import ro.marc.events.methodology.RiskEvaluation;

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
 *   <li>MEASURES: at least one measure; every existing one has its four criteria answered, every additional one its
 *       responsible; an evaluation of priority 1 or 2 needs an additional measure.</li>
 *   <li>INDICATORS: every measure has an indicator; a qualitative one has two or more allowed values.</li>
 * </ul>
 */
public final class AssessmentSections {

    private AssessmentSections() {
    }

    /**
     * @param evaluation               the current evaluation, or null when not evaluated yet
     * @param lowestAllowedProbability 1, or 3 / 4 when incidents are linked to the risk elsewhere / in the structure
     */
    public static List<SectionReport> check(RiskDescription description, RiskEvaluation evaluation, List<Measure> measures,
                                            int lowestAllowedProbability) {
        throw new UnsupportedOperationException("H1 implements this");
    }

    /** Whether every report is COMPLETE. */
    public static boolean complete(List<SectionReport> reports) {
        return reports.stream().allMatch(r -> r.status() == SectionStatus.COMPLETE);
    }
}
