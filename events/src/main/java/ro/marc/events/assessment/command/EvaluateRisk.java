package ro.marc.events.assessment.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import ro.marc.events.methodology.ImpactScore;

import java.util.List;
import java.util.UUID;

/**
 * Scores the risk (§2.2.3.3, UCA 68, 70): P 1–5, not below the incident floor (3 when incidents are linked to the
 * risk in other structures, 4 in the assessment's own); impacts on distinct IMPACT_DIMENSION entries, scores 1–5,
 * importances 1–100 totalling exactly 100. Exposure, priority and class are computed with the current methodology.
 * The same scores as the current evaluation (under the same methodology) append nothing.
 */
public record EvaluateRisk(@TargetAggregateIdentifier UUID assessmentId, int probability, List<ImpactScore> impacts,
                           long expectedVersion) implements RiskAssessmentCommand {
}
