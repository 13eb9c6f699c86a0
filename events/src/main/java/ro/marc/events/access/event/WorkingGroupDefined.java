package ro.marc.events.access.event;

import org.axonframework.serialization.Revision;
import ro.marc.events.EventName;

import java.util.UUID;

@EventName("access.WorkingGroupDefined")
@Revision("2")
public record WorkingGroupDefined(UUID workingGroupId, UUID orgUnitId, String name) {
}
