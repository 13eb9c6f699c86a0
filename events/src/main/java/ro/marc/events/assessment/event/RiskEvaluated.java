package ro.marc.events.assessment.event;

import ro.marc.events.EventName;
import ro.marc.events.methodology.RiskEvaluation;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The risk was scored (UCA 68–70); every one of these is a line of the evaluation history (UCA 69).
 *
 * @param dimensionNames           each scored impact dimension's name as it was
 * @param lowestAllowedProbability the incident floor when scored: 1, 3 (incidents in other structures) or 4 (in this one)
 * @param incidentIds              the incidents behind the floor, for the audit
 */
@EventName("assessment.RiskEvaluated")
public record RiskEvaluated(UUID assessmentId, int edition, RiskEvaluation evaluation, Map<UUID, String> dimensionNames,
                            int lowestAllowedProbability, List<UUID> incidentIds) {

    public RiskEvaluated {
        dimensionNames = Map.copyOf(dimensionNames);
        incidentIds = List.copyOf(incidentIds);
    }
}
