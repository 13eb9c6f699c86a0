package ro.marc.events.access;

import java.util.UUID;

public record WorkingGroupMemberAdded(UUID workingGroupId, UUID userId, long version) {
}
