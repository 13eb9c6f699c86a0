package ro.marc.events.access.event;

import org.axonframework.serialization.Revision;
import ro.marc.events.EventName;

import java.util.UUID;

@EventName("access.WorkingGroupMemberAdded")
@Revision("2")
public record WorkingGroupMemberAdded(UUID workingGroupId, UUID userId) {
}
