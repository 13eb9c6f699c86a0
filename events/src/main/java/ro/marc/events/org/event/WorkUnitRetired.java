package ro.marc.events.org.event;

import ro.marc.events.EventName;

import java.util.UUID;

/** Retired work units stay where already assigned but can no longer be newly assigned. */
@EventName("org.WorkUnitRetired")
public record WorkUnitRetired(UUID workUnitId, long version) {
}
