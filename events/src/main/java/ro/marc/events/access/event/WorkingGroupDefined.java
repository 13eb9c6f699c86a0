package ro.marc.events.access.event;

import ro.marc.events.EventName;

import java.util.UUID;

@EventName("access.WorkingGroupDefined")
public record WorkingGroupDefined(UUID workingGroupId, UUID orgUnitId, String name, long version) {
}
