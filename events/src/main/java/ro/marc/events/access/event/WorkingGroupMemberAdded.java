package ro.marc.events.access.event;

import ro.marc.events.EventName;

import java.util.UUID;

@EventName("access.WorkingGroupMemberAdded")
public record WorkingGroupMemberAdded(UUID workingGroupId, UUID userId, long version) {
}
