package ro.marc.events.access.event;

import org.axonframework.serialization.Revision;
import ro.marc.events.EventName;

import java.util.UUID;

/** {@code wasLeader}: the group has no leader after this event until one is appointed. */
@EventName("access.WorkingGroupMemberRemoved")
@Revision("2")
public record WorkingGroupMemberRemoved(UUID workingGroupId, UUID userId, boolean wasLeader) {
}
