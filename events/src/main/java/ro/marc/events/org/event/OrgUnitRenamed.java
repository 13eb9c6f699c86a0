package ro.marc.events.org.event;

import ro.marc.events.EventName;

import java.util.UUID;

@EventName("org.OrgUnitRenamed")
public record OrgUnitRenamed(UUID orgUnitId, String name, String previousName, long version) {
}
