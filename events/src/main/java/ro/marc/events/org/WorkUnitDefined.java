package ro.marc.events.org;

import java.util.UUID;

/** A work unit (e.g. "Resurse umane") was added to the standard catalogue. */
public record WorkUnitDefined(UUID workUnitId, String name, long version) {
}
