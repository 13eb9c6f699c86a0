package ro.marc.events.assessment.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/** Undoes an inactivation (while its plan is still the structure's active plan). */
public record ReactivateRiskAssessment(@TargetAggregateIdentifier UUID assessmentId, long expectedVersion)
        implements RiskAssessmentCommand {
}
