package ro.marc.query.nomenclature;

import ro.marc.events.nomenclature.RegulatoryCauseDetails;

import java.time.Instant;
import java.util.UUID;

/**
 * A cause in the field of regulations (Anexa 5): the form's fifteen fields (flat, in the form's
 * order; {@link #details()} gathers them again) and who added it.
 */
public record RegulatoryCauseView(UUID id, UUID workUnitId, UUID activityId, UUID issuerId, UUID actTypeId,
                                  String actNumber, int yearInForce, UUID actStatusId, String actTitle,
                                  String articleNumber, String additionalInfo, String extract,
                                  String corruptionFactors, String corruptionThreats, String recommendations,
                                  String proposedText, String authorUserId, UUID authorOrgUnitId, boolean active,
                                  long version, Instant createdAt, Instant updatedAt) {

    public static RegulatoryCauseView of(UUID id, RegulatoryCauseDetails d, String authorUserId, UUID authorOrgUnitId,
                                         boolean active, long version, Instant createdAt, Instant updatedAt) {
        return new RegulatoryCauseView(id, d.workUnitId(), d.activityId(), d.issuerId(), d.actTypeId(), d.actNumber(),
                d.yearInForce(), d.actStatusId(), d.actTitle(), d.articleNumber(), d.additionalInfo(), d.extract(),
                d.corruptionFactors(), d.corruptionThreats(), d.recommendations(), d.proposedText(), authorUserId,
                authorOrgUnitId, active, version, createdAt, updatedAt);
    }

    /** The fifteen fields as the events carry them. */
    public RegulatoryCauseDetails details() {
        return new RegulatoryCauseDetails(workUnitId, activityId, issuerId, actTypeId, actNumber, yearInForce,
                actStatusId, actTitle, articleNumber, additionalInfo, extract, corruptionFactors, corruptionThreats,
                recommendations, proposedText);
    }
}
