package ro.marc.events.nomenclature.event;

import ro.marc.events.EventName;
import ro.marc.events.nomenclature.*;

import java.util.UUID;

@EventName("nomenclature.RegulatoryCauseAdded")
public record RegulatoryCauseAdded(UUID causeId, RegulatoryCauseDetails details, String authorUserId, UUID authorOrgUnitId,
                                   long version) {
}
