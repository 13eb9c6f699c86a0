package ro.marc.events.access.event;

import ro.marc.events.EventName;

import java.util.UUID;

/** {@code wasLeader}: the group has no leader after this event until one is appointed. */
@EventName("access.WorkingGroupMemberRemoved")
public record WorkingGroupMemberRemoved(UUID workingGroupId, UUID userId, boolean wasLeader, long version) {
}
