package ro.marc.events.access.event;

import ro.marc.events.EventName;

import java.util.UUID;

/** {@code previousLeaderId} is null when the group had no leader. */
@EventName("access.WorkingGroupLeaderAppointed")
public record WorkingGroupLeaderAppointed(UUID workingGroupId, UUID userId, UUID previousLeaderId, long version) {
}
