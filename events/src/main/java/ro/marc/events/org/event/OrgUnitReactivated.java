package ro.marc.events.org.event;

import ro.marc.events.EventName;

import java.util.UUID;

@EventName("org.OrgUnitReactivated")
public record OrgUnitReactivated(UUID orgUnitId, long version) {
}
