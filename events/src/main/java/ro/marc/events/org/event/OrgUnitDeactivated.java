package ro.marc.events.org.event;

import ro.marc.events.EventName;

import java.util.UUID;

@EventName("org.OrgUnitDeactivated")
public record OrgUnitDeactivated(UUID orgUnitId, long version) {
}
