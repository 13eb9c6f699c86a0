package ro.marc.events.assessment.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/**
 * UCA 62: opens the next edition of a finalised assessment as a draft with the finalised content (the finalised
 * edition stays in the history and as a PDF). Editing a finalised assessment without it is refused.
 */
public record StartAssessmentEdition(@TargetAggregateIdentifier UUID assessmentId, long expectedVersion)
        implements RiskAssessmentCommand {
}
