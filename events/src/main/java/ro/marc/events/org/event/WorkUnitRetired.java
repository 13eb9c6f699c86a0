package ro.marc.events.org.event;

import org.axonframework.serialization.Revision;
import ro.marc.events.EventName;

import java.util.UUID;

/** Retired work units stay where already assigned but can no longer be newly assigned. */
@EventName("org.WorkUnitRetired")
@Revision("2")
public record WorkUnitRetired(UUID workUnitId) {
}
