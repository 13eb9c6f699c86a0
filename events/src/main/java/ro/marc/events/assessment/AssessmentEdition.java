package ro.marc.events.assessment;

import ro.marc.events.methodology.MeasureEffectiveness;
import ro.marc.events.methodology.RiskEvaluation;
import ro.marc.events.org.County;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A finalised risk assessment (Anexa 4) with every name resolved by the command side at finalisation, so the
 * Anexa 4 PDF, the notifications and the register (Anexa 10) are reproducible from the event alone.
 *
 * @param edition       1 for the first finalisation, +1 for each later one (the previous stays kept, also as PDF)
 * @param names         the name of every effect, regulatory cause (its act and article) and impact dimension the
 *                      edition names
 * @param effectiveness each existing measure's effectiveness, by measure id
 * @param stageDeadline the plan's measures-stage deadline when it was finalised (Anexa 4 ends with the measures)
 * @param late          finalised after {@code stageDeadline}
 */
public record AssessmentEdition(int edition, UUID planId, String planPurpose, UUID orgUnitId, String orgUnitName,
                                County county, UUID workUnitId, String workUnitName, UUID domainId, String domainName,
                                UUID activityId, String activityName, UUID riskId, String riskName, UUID memberUserId,
                                String memberName, LocalDate finalisedOn, LocalDate stageDeadline, boolean late,
                                RiskDescription description, RiskEvaluation evaluation, List<Measure> measures,
                                Map<UUID, MeasureEffectiveness> effectiveness, Map<UUID, String> names) {

    public AssessmentEdition {
        measures = List.copyOf(measures);
        effectiveness = Map.copyOf(effectiveness);
        names = Map.copyOf(names);
    }
}
