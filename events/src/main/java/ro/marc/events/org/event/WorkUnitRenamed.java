package ro.marc.events.org.event;

import ro.marc.events.EventName;

import java.util.UUID;

@EventName("org.WorkUnitRenamed")
public record WorkUnitRenamed(UUID workUnitId, String name, String previousName, long version) {
}
