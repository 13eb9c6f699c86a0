package ro.marc.events.org;

import java.util.UUID;

/** Retired work units stay where already assigned but can no longer be newly assigned. */
public record WorkUnitRetired(UUID workUnitId, long version) {
}
