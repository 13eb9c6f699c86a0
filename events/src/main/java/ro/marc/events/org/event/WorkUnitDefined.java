package ro.marc.events.org.event;

import org.axonframework.serialization.Revision;
import ro.marc.events.EventName;

import java.util.UUID;

/** A work unit (e.g. "Resurse umane") was added to the standard catalogue. */
@EventName("org.WorkUnitDefined")
@Revision("2")
public record WorkUnitDefined(UUID workUnitId, String name) {
}
