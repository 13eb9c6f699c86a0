package ro.marc.events.org.event;

import ro.marc.events.EventName;

import java.util.UUID;

/** {@code orgUnitVersion} is the org unit's version after this assignment. */
@EventName("org.WorkUnitAssigned")
public record WorkUnitAssigned(UUID orgUnitId, UUID workUnitId, long orgUnitVersion) {
}
