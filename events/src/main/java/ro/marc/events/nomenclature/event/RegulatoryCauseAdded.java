package ro.marc.events.nomenclature.event;

import org.axonframework.serialization.Revision;
import ro.marc.events.EventName;
import ro.marc.events.nomenclature.*;

import java.util.UUID;

@EventName("nomenclature.RegulatoryCauseAdded")
@Revision("2")
public record RegulatoryCauseAdded(UUID causeId, RegulatoryCauseDetails details, String authorUserId, UUID authorOrgUnitId) {
}
