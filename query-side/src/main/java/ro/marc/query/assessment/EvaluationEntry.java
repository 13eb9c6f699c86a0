package ro.marc.query.assessment;

import ro.marc.events.methodology.RiskEvaluation;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One line of an assessment's evaluation history (UCA 69), oldest first: every P, impact, exposure and priority
 * it had, with the methodology version, the incident floor and who scored it when.
 */
public record EvaluationEntry(UUID assessmentId, int edition, RiskEvaluation evaluation, Map<UUID, String> dimensionNames,
                              int lowestAllowedProbability, String byUserId, Instant at) {
}
