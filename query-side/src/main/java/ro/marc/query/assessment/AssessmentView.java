package ro.marc.query.assessment;

import ro.marc.events.assessment.Measure;
import ro.marc.events.assessment.RiskDescription;
import ro.marc.events.methodology.MeasureEffectiveness;
import ro.marc.events.methodology.RiskEvaluation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A risk assessment (Anexa 4) as the read model shows it: its current content (the draft, or the finalised
 * edition). {@code status}: DRAFT or FINALISED; {@code edition}: the edition the content is (FINALISED) or will
 * become (DRAFT); {@code finalisedEdition}: the last finalised one (null before the first), with its day, deadline
 * and lateness; {@code active}: false once inactivated (A401). {@code evaluation}: the current one, exactly as the
 * command side computed it (null before the first). {@code names}: effect, cause and impact-dimension names.
 */
public record AssessmentView(UUID id, UUID planId, String planPurpose, UUID orgUnitId, String orgUnitName, String county,
                             UUID workUnitId, String workUnitName, UUID domainId, String domainName, UUID activityId,
                             String activityName, UUID riskId, String riskName, UUID memberUserId, String memberName,
                             String status, boolean active, int edition, Integer finalisedEdition, LocalDate finalisedOn,
                             LocalDate stageDeadline, boolean late, RiskDescription description,
                             RiskEvaluation evaluation, List<Measure> measures,
                             Map<UUID, MeasureEffectiveness> effectiveness, Map<UUID, String> names, long version,
                             Instant createdAt, Instant updatedAt) {

    public AssessmentView {
        measures = measures == null ? List.of() : List.copyOf(measures);
        effectiveness = effectiveness == null ? Map.of() : Map.copyOf(effectiveness);
        names = names == null ? Map.of() : Map.copyOf(names);
    }
}
