package ro.marc.events.nomenclature;

import java.util.UUID;

public record RegulatoryCauseAdded(UUID causeId, RegulatoryCauseDetails details, String authorUserId, UUID authorOrgUnitId,
                                   long version) {
}
