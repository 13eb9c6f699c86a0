package ro.marc.events.org.event;

import org.axonframework.serialization.Revision;
import ro.marc.events.EventName;

import java.util.UUID;

@EventName("org.WorkUnitUnassigned")
@Revision("2")
public record WorkUnitUnassigned(UUID orgUnitId, UUID workUnitId) {
}
