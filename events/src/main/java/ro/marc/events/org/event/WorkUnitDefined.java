package ro.marc.events.org.event;

import ro.marc.events.EventName;

import java.util.UUID;

/** A work unit (e.g. "Resurse umane") was added to the standard catalogue. */
@EventName("org.WorkUnitDefined")
public record WorkUnitDefined(UUID workUnitId, String name, long version) {
}
