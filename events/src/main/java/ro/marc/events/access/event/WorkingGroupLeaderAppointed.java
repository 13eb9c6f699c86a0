package ro.marc.events.access.event;

import org.axonframework.serialization.Revision;
import ro.marc.events.EventName;

import java.util.UUID;

/** {@code previousLeaderId} is null when the group had no leader. */
@EventName("access.WorkingGroupLeaderAppointed")
@Revision("2")
public record WorkingGroupLeaderAppointed(UUID workingGroupId, UUID userId, UUID previousLeaderId) {
}
