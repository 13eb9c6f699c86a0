package ro.marc.events.access;

import java.util.UUID;

/** {@code wasLeader}: the group has no leader after this event until one is appointed. */
public record WorkingGroupMemberRemoved(UUID workingGroupId, UUID userId, boolean wasLeader, long version) {
}
