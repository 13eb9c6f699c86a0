package ro.marc.events.register;

import ro.marc.events.assessment.AssessmentEdition;
import ro.marc.events.methodology.RiskEvaluation;

import java.util.List;
import java.util.UUID;

/**
 * One risk of the register (A402): every assessment of it finalised under the plan, merged. The risk's evaluation
 * is the one of the highest exposure among them ({@code highestAssessmentId}; the earliest-started on a tie is not
 * needed: the first in {@code assessments}' order, which is by work unit name, member name, assessment id).
 *
 * @param assessments   each assessment's last finalised edition, its evaluation replaced by the current one when the
 *                      member re-evaluated the risk during monitoring (UCA 80)
 * @param assessmentIds the id of each of {@code assessments}, in the same order ({@link AssessmentEdition} carries
 *                      none): what the schedules, the monitoring and the evaluations name a measure by
 */
public record RegisterRisk(UUID riskId, String riskName, UUID activityId, String activityName, UUID domainId,
                           String domainName, UUID highestAssessmentId, RiskEvaluation highest,
                           List<AssessmentEdition> assessments, List<UUID> assessmentIds) {

    public RegisterRisk {
        assessments = List.copyOf(assessments);
        assessmentIds = List.copyOf(assessmentIds);
        if (assessmentIds.size() != assessments.size()) {
            throw new IllegalArgumentException("one assessment id per assessment");
        }
    }
}
