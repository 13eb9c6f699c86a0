package ro.marc.events.org.event;

import org.axonframework.serialization.Revision;
import ro.marc.events.EventName;

import java.util.UUID;

/** A work unit of the catalogue is now held by the org unit (an event of the org unit). */
@EventName("org.WorkUnitAssigned")
@Revision("2")
public record WorkUnitAssigned(UUID orgUnitId, UUID workUnitId) {
}
