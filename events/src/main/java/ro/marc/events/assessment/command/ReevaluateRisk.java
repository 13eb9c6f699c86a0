package ro.marc.events.assessment.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import ro.marc.events.methodology.ImpactScore;

import java.util.List;
import java.util.UUID;

/**
 * Monitoring (§2.4, UCA 80): after the measures were implemented the member scores P and the impacts again, as in
 * the evaluation, on a finalised assessment whose measures the saved register schedules ({@code CONFLICT
 * NOT_MONITORED} before). Appends a {@link ro.marc.events.assessment.event.RiskEvaluated}: a line of the history, the
 * edition unchanged; the next register generation takes it.
 */
public record ReevaluateRisk(@TargetAggregateIdentifier UUID assessmentId, int probability, List<ImpactScore> impacts,
                             long expectedVersion) implements RiskAssessmentCommand {
}
