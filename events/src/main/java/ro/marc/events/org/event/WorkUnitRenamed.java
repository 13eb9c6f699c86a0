package ro.marc.events.org.event;

import org.axonframework.serialization.Revision;
import ro.marc.events.EventName;

import java.util.UUID;

@EventName("org.WorkUnitRenamed")
@Revision("2")
public record WorkUnitRenamed(UUID workUnitId, String name, String previousName) {
}
