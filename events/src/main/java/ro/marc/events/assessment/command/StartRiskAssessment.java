package ro.marc.events.assessment.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/**
 * Starts an assessment (Anexa 4, UCA 64) under the structure's active plan: one of the work units the plan assigns
 * the caller (A103 counsellors: any the structure holds) → an activity the caller selected for it in their last
 * finalised Anexa 3 → one risk of that activity (approved, or the caller's own pending proposal). The choice is
 * the assessment's identity and does not change (another risk: another assessment). Several per member; the same
 * risk in several assessments (A402). {@code memberUserId}: only MARC itself (seeding) names the member.
 */
public record StartRiskAssessment(@TargetAggregateIdentifier UUID assessmentId, UUID planId, UUID workUnitId,
                                  UUID activityId, UUID riskId, UUID memberUserId) implements RiskAssessmentCommand {
}
