package ro.marc.events.org;

import java.util.UUID;

/** {@code orgUnitVersion} is the org unit's version after this assignment. */
public record WorkUnitAssigned(UUID orgUnitId, UUID workUnitId, long orgUnitVersion) {
}
