package ro.marc.events.nomenclature;

import java.util.UUID;

/**
 * The fifteen fields of the Anexa 5 form (§2.2.3.2), in the form's order. Required: all but
 * {@code additionalInfo} and {@code proposedText}. {@code actNumber} and {@code articleNumber} are
 * digits; {@code yearInForce} a plausible year; issuer, type and status come from the reference lists.
 */
public record RegulatoryCauseDetails(UUID workUnitId, UUID activityId, UUID issuerId, UUID actTypeId, String actNumber,
                                     int yearInForce, UUID actStatusId, String actTitle, String articleNumber,
                                     String additionalInfo, String extract, String corruptionFactors,
                                     String corruptionThreats, String recommendations, String proposedText) {
}
