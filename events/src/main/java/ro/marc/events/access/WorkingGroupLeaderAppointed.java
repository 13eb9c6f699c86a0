package ro.marc.events.access;

import java.util.UUID;

/** {@code previousLeaderId} is null when the group had no leader. */
public record WorkingGroupLeaderAppointed(UUID workingGroupId, UUID userId, UUID previousLeaderId, long version) {
}
