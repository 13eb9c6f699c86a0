package ro.marc.events.assessment.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/**
 * Finalises the current edition (UCA 62): every section complete ({@code AssessmentSections}), the probability
 * still at or above the incident floor, an additional measure for priorities 1 and 2, the plan still active and
 * assigning the work unit. Notifies the structure's head and integrity counsellor; late after the measures stage.
 */
public record FinaliseRiskAssessment(@TargetAggregateIdentifier UUID assessmentId, long expectedVersion)
        implements RiskAssessmentCommand {
}
