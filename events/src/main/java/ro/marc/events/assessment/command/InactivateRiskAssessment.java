package ro.marc.events.assessment.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/** A401: the assessment is no longer wanted: it is not taken into the register and refuses edits until reactivated. */
public record InactivateRiskAssessment(@TargetAggregateIdentifier UUID assessmentId, long expectedVersion)
        implements RiskAssessmentCommand {
}
