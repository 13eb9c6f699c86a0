package ro.marc.events.org.event;

import ro.marc.events.EventName;

import java.util.UUID;

@EventName("org.WorkUnitUnassigned")
public record WorkUnitUnassigned(UUID orgUnitId, UUID workUnitId, long orgUnitVersion) {
}
